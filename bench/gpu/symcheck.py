#!/usr/bin/env python3
"""symcheck.py LIB DEP...: lists LIB's undefined dynamic symbols that none of DEP... defines.
Reads .dynsym directly (no binutils needed). Prints counts, then the unresolved names."""
import struct, sys, subprocess, shutil

def dynsyms(path):
    d = open(path, 'rb').read()
    assert d[:4] == b'\x7fELF' and d[4] == 2, path  # ELF64 little-endian assumed (x86-64)
    shoff, = struct.unpack_from('<Q', d, 0x28)
    shentsize, shnum = struct.unpack_from('<HH', d, 0x3A)
    secs = [struct.unpack_from('<IIQQQQIIQQ', d, shoff + i * shentsize) for i in range(shnum)]
    defined, undefined = set(), set()
    for s in secs:
        if s[1] != 11:  # SHT_DYNSYM
            continue
        stroff = secs[s[6]][4]
        for off in range(s[4], s[4] + s[5], 24):
            name, info, other, shndx, value, size = struct.unpack_from('<IBBHQQ', d, off)
            if name == 0:
                continue
            end = d.index(b'\0', stroff + name)
            n = d[stroff + name:end].decode()
            bind = info >> 4
            (undefined if shndx == 0 else defined).add((n, bind))
    return defined, undefined

lib, deps = sys.argv[1], sys.argv[2:]
_, und = dynsyms(lib)
have = set()
for p in deps:
    try:
        have |= {n for n, _ in dynsyms(p)[0]}
    except Exception as e:
        print(f'  cannot read {p}: {e}')
strong = {n for n, b in und if b != 2}  # STB_WEAK == 2 may stay unresolved
missing = sorted(n for n in strong if n not in have)
print(f'{lib}: {len(und)} undefined symbols ({len(strong)} strong); {len(missing)} strong ones defined by none of {len(deps)} libraries')
names = missing
if missing and shutil.which('c++filt'):
    names = subprocess.run(['c++filt'], input='\n'.join(missing), capture_output=True, text=True).stdout.split('\n')
for n in names[:80]:
    print('  MISSING', n)
if len(names) > 80:
    print(f'  ... and {len(names) - 80} more')
sys.exit(1 if missing else 0)

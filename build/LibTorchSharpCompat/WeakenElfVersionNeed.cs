// Marks one version requirement of an ELF64 shared library weak (VER_FLG_WEAK in its .gnu.version_r entry),
// so the dynamic loader accepts a libstdc++ that lacks that version. patchelf has no option for this, and the
// edit is a two-byte change at a place the section headers give, so it is written out here.
using System;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

public sealed class WeakenElfVersionNeed : Task
{
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const ushort VerFlagWeak = 0x2;

    [Required] public string File { get; set; } = "";
    [Required] public string VersionName { get; set; } = "";
    [Output] public bool Changed { get; set; }

    public override bool Execute()
    {
        var elf = System.IO.File.ReadAllBytes(File);
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F' || elf[4] != 2 || elf[5] != 1)
        {
            Log.LogError($"{File}: not a little-endian ELF64 file");
            return false;
        }
        var sectionTable = (long)BitConverter.ToUInt64(elf, 0x28);
        var sectionSize = BitConverter.ToUInt16(elf, 0x3A);
        var sectionCount = BitConverter.ToUInt16(elf, 0x3C);
        for (var i = 0; i < sectionCount; i++)
        {
            var header = (int)(sectionTable + i * sectionSize);
            if (BitConverter.ToUInt32(elf, header + 4) != ShtGnuVerneed) continue;
            var offset = (int)BitConverter.ToUInt64(elf, header + 24);
            var link = BitConverter.ToUInt32(elf, header + 40);
            var strings = (int)BitConverter.ToUInt64(elf, (int)(sectionTable + link * sectionSize) + 24);
            return WeakenIn(elf, offset, strings);
        }
        Log.LogError($"{File}: has no .gnu.version_r section");
        return false;
    }

    private bool WeakenIn(byte[] elf, int verneed, int strings)
    {
        var found = false;
        for (var need = verneed; ; )
        {
            var auxCount = BitConverter.ToUInt16(elf, need + 2);
            var aux = need + (int)BitConverter.ToUInt32(elf, need + 8);
            for (var j = 0; j < auxCount; j++)
            {
                if (NameAt(elf, strings + (int)BitConverter.ToUInt32(elf, aux + 8)) == VersionName)
                {
                    found = true;
                    var flags = BitConverter.ToUInt16(elf, aux + 4);
                    if ((flags & VerFlagWeak) == 0)
                    {
                        BitConverter.GetBytes((ushort)(flags | VerFlagWeak)).CopyTo(elf, aux + 4);
                        Changed = true;
                    }
                }
                aux += (int)BitConverter.ToUInt32(elf, aux + 12);
            }
            var next = BitConverter.ToUInt32(elf, need + 12);
            if (next == 0) break;
            need += (int)next;
        }
        if (!found)
        {
            Log.LogError($"{File}: requires no version named {VersionName}");
            return false;
        }
        if (Changed) System.IO.File.WriteAllBytes(File, elf);
        return true;
    }

    private static string NameAt(byte[] elf, int start)
    {
        var end = Array.IndexOf(elf, (byte)0, start);
        return Encoding.ASCII.GetString(elf, start, end - start);
    }
}

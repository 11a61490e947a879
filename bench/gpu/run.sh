#!/usr/bin/env bash
# ModelZoo's CUDA path on a machine that has an NVIDIA GPU and PyTorch (CUDA) but no .NET and no TorchSharp-cuda:
# the .NET runtime and the CLI's build (without libtorch) travel in mz.tar.xz (made by bench/gpu/pack.sh, which
# puts this script beside it); libtorch, libtorch_cuda and the CUDA libraries are PyTorch's own, found through
# LD_LIBRARY_PATH. See bench/README.md, "ModelZoo on PyTorch's CUDA libtorch". Each step has a timeout,
# failures do not stop the script, and it ends with a summary. Logs go to $OUT (summary.txt, logs.tar.gz).
#   OUT=/tmp/out bash run.sh      env: PY (a python3 with torch), TORCH_LIB (its torch/lib), MZ_BUDGET_S (330),
#                                 MZ_DEVICE=cpu MZ_QUICK=1 (a dry run on a machine without a GPU)
set -u
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUT="${OUT:-/tmp/mz-out}"; mkdir -p "$OUT"
W="${MZ_WORK:-/tmp/mz}"; rm -rf "$W"; mkdir -p "$W/logs"
L="$W/logs"; SUMMARY="$OUT/summary.txt"; : > "$SUMMARY"
T0=$(date +%s); BUDGET="${MZ_BUDGET_S:-330}"
say() { echo "$*" | tee -a "$SUMMARY"; }
left() { echo $(( BUDGET - ($(date +%s) - T0) )); }
# step NAME SECONDS CMD...: runs CMD with a timeout (never past the budget), log in $L/NAME.log, rc noted.
step() {
  local name="$1" limit="$2"; shift 2
  local l; l=$(left); [ "$l" -lt "$limit" ] && limit=$l
  if [ "$limit" -lt 10 ]; then say "SKIP  $name (budget spent)"; return 99; fi
  local s; s=$(date +%s)
  timeout -k 5 "$limit" "$@" > "$L/$name.log" 2>&1; local rc=$?
  say "$(printf '%-5s %-22s rc=%-3s %4ss  (limit %ss)' "$([ $rc -eq 0 ] && echo OK || echo FAIL)" "$name" "$rc" "$(( $(date +%s) - s ))" "$limit")"
  return $rc
}
finish() {
  say "total $(( $(date +%s) - T0 ))s"
  tar -czf "$OUT/logs.tar.gz" -C "$W" logs 2>/dev/null
  echo "===== summary ====="; cat "$SUMMARY"
}
trap finish EXIT

say "== ModelZoo CUDA check $(date -u +%FT%TZ) on $(hostname)"
if command -v xz >/dev/null; then tar -xJf "$HERE/mz.tar.xz" -C "$W"; else false; fi ||
  python3 -c 'import sys,tarfile; t=tarfile.open(sys.argv[1]); t.extractall(sys.argv[2], **({"filter": "fully_trusted"} if hasattr(tarfile, "fully_trusted_filter") else {}))' "$HERE/mz.tar.xz" "$W" ||
  { say "FAIL unpack"; exit 1; }
[ -x "$W/dotnet/dotnet" ] || { say "FAIL unpack (no dotnet)"; exit 1; }
export DOTNET_ROOT="$W/dotnet" DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_gcServer=0
export GLIBC_TUNABLES="${GLIBC_TUNABLES:+$GLIBC_TUNABLES:}glibc.malloc.hugetlb=1"   # as ./modelzoo does
PY="${PY:-/opt/torch/.venv/bin/python3}"; [ -x "$PY" ] || PY=python3
if [ -z "${TORCH_LIB:-}" ]; then
  TORCH_LIB="$("$PY" -c 'import torch,os;print(os.path.join(os.path.dirname(torch.__file__),"lib"))' 2>/dev/null)"
fi
SITE="$(dirname "$(dirname "$TORCH_LIB")")"
NV="$(find "$SITE/nvidia" -maxdepth 3 -type d -name lib 2>/dev/null | sort | tr '\n' ':')"
export LD_LIBRARY_PATH="$TORCH_LIB:${NV}${LD_LIBRARY_PATH:-}"
NATIVE="$W/app/runtimes/linux-x64/native"
MZ=("$W/dotnet/dotnet" "$W/app/modelzoo.dll")
DATA="fashion-mnist:$W/data"
DEV="${MZ_DEVICE:-cuda}"   # MZ_DEVICE=cpu MZ_QUICK=1: a dry run of the script on a machine without a GPU
if [ -n "${MZ_QUICK:-}" ]; then TRAIN_X=(--limit-train 512 --limit-test 256); BENCH_X=(--input-size 64 --iterations 2 --warmup 1); ARCHS=(mobilenet_v3_small)
else TRAIN_X=(); BENCH_X=(--iterations 20); ARCHS=(mobilenet_v2 mobilenet_v3_small se_resnet50); fi
say "torch lib: $TORCH_LIB"
say "nvidia lib dirs: $(echo "$NV" | tr ':' '\n' | grep -c .)"

# 1. The machine and its PyTorch.
{ nvidia-smi -L; nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv; } > "$L/nvidia-smi.log" 2>&1
say "nvidia-smi: $(head -1 "$L/nvidia-smi.log")"
step python-torch 60 "$PY" -c 'import torch;print("torch",torch.__version__,"cuda",torch.version.cuda,"cudnn",torch.backends.cudnn.version());print("available",torch.cuda.is_available(),torch.cuda.device_count(),torch.cuda.get_device_name(0) if torch.cuda.is_available() else "-")'
say "  $(tr '\n' ' ' < "$L/python-torch.log" | cut -c1-200)"

# 2. Will TorchSharp 0.107's wrapper (built for libtorch 2.10) bind to these libraries? Static check of symbols.
SYS=$(for n in libstdc++.so.6 libc.so.6 libm.so.6 libgcc_s.so.1 ld-linux-x86-64.so.2; do ldconfig -p | awk -v n="$n" '$1==n && /x86-64/{print $NF; exit}'; done)
step symcheck 60 "$PY" "$W/tools/symcheck.py" "$NATIVE/libLibTorchSharp.so" "$TORCH_LIB"/libtorch.so "$TORCH_LIB"/libtorch_cpu.so \
  "$TORCH_LIB"/libc10.so "$TORCH_LIB"/libtorch_cuda.so "$TORCH_LIB"/libc10_cuda.so "$NATIVE/libmodelzoo_glibcxx_compat.so" $SYS
say "  $(head -1 "$L/symcheck.log" | sed 's|.*: ||')"
{ echo "== ldd libLibTorchSharp.so"; ldd "$NATIVE/libLibTorchSharp.so"; echo "== ldd libtorch_cuda.so"; ldd "$TORCH_LIB/libtorch_cuda.so"; } > "$L/ldd.log" 2>&1
grep -q "not found" "$L/ldd.log" && say "  ldd: $(grep 'not found' "$L/ldd.log" | sort -u | tr '\n' ' ')"

# 3. modelzoo info: which backend, which libraries the loader really took (LD_DEBUG=files).
step info 60 env LD_DEBUG=files LD_DEBUG_OUTPUT="$L/lddebug-plain" "${MZ[@]}" info
cat "$L/info.log" | tee -a "$SUMMARY"
loaded() { cat "$L"/lddebug-"$1"* 2>/dev/null | grep -oE 'calling init: [^ ]*(libtorch[a-z_]*|libc10[a-z_]*|libLibTorchSharp|libcudart|libcudnn|libcublas|libcuda)\.so[.0-9]*' | sort -u | sed 's/calling init: /  loaded: /'; }
loaded plain | tee -a "$SUMMARY"
cuda_ok() { grep -qE '^cuda devices +[1-9]' "$L/$1.log"; }
if ! cuda_ok info; then
  # Fallback: put libtorch_cuda into the process before .NET starts (in case TorchSharp's own load of it failed).
  say "no CUDA device seen by TorchSharp; retrying with LD_PRELOAD=libtorch_cuda.so"
  export LD_PRELOAD="$TORCH_LIB/libc10_cuda.so:$TORCH_LIB/libtorch_cuda.so"
  step info-preload 60 env LD_DEBUG=files LD_DEBUG_OUTPUT="$L/lddebug-preload" "${MZ[@]}" info; cat "$L/info-preload.log" | tee -a "$SUMMARY"
  if ! cuda_ok info-preload; then
    unset LD_PRELOAD
    say "still no CUDA; loader errors:"; cat "$L"/lddebug-* 2>/dev/null | grep -iE 'error|cannot|undefined' | grep -vE 'DllMain|PAL_RegisterModule' | sort -u | head -20 | tee -a "$SUMMARY"
  fi
fi

# 4. Train, evaluate, benchmark on cuda (each one is tried even if an earlier one failed).
step train-cuda 120 "${MZ[@]}" train mobilenet_v2 --data "$DATA" --epochs 1 --batch-size 128 --device "$DEV" --out "$W/run-cuda" "${TRAIN_X[@]}"
{ grep -E '^Training|done:|MicroAccuracy|error|Exception|Unhandled|symbol' "$L/train-cuda.log"; grep -E ' step [0-9]+/' "$L/train-cuda.log" | tail -1; } | sed 's/\x1b\[[0-9;]*m//g' | head -12 | tee -a "$SUMMARY"
[ -f "$W/run-cuda/history.json" ] && tr -d '\n ' < "$W/run-cuda/history.json" | tee -a "$SUMMARY" && echo | tee -a "$SUMMARY"
cp "$W/run-cuda/history.json" "$L/history-cuda.json" 2>/dev/null
step evaluate-cuda 60 "${MZ[@]}" evaluate --model "$W/run-cuda/model.zip" --data "$DATA" --device "$DEV" "${TRAIN_X[@]:2}"
grep -iE 'accuracy|top|loss|error' "$L/evaluate-cuda.log" | tee -a "$SUMMARY"
step benchmark-cuda 90 "${MZ[@]}" benchmark "${ARCHS[@]}" --device "$DEV" "${BENCH_X[@]}"
tr -s '\n' ' ' < "$L/benchmark-cuda.log" | sed 's/\x1b\[[0-9;]*m//g; s/ \([a-z_0-9]*\) \([0-9]* px\)/\n\1 \2/g' | tee -a "$SUMMARY"; echo | tee -a "$SUMMARY"
# 5. References on the same machine: PyTorch eager on CUDA (same protocol), and ModelZoo on this machine's CPU.
step torch-peer-cuda 60 "$PY" "$W/tools/torch_peer_cuda.py" "${ARCHS[@]}" --device "$DEV" "${BENCH_X[@]}"
cat "$L/torch-peer-cuda.log" | grep '^{' | tee -a "$SUMMARY"
step benchmark-cpu 45 "${MZ[@]}" benchmark "${ARCHS[0]}" --device cpu --warmup 2 --iterations 5 ${MZ_QUICK:+--input-size 64}
tr -s '\n' ' ' < "$L/benchmark-cpu.log" | sed 's/\x1b\[[0-9;]*m//g' | tee -a "$SUMMARY"; echo | tee -a "$SUMMARY"

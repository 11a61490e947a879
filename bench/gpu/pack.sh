#!/usr/bin/env bash
# Packs what bench/gpu/run.sh needs on a GPU machine that has PyTorch (CUDA) but no .NET:
#   DEST/mz.tar.xz  the .NET runtime (host + Microsoft.NETCore.App), the CLI's Release build without libtorch's
#                   libraries and without other OSes' runtimes, Fashion-MNIST (the first N training images and the
#                   10,000 test images) and run.sh's helpers (symcheck.py, torch_peer_cuda.py, pytorch_models.py)
#   DEST/run.sh     the check itself
#   bench/gpu/pack.sh [DEST]      DEST defaults to .gpu in the repository root (add /.gpu/ to .git/info/exclude)
#   env: TRAIN_IMAGES (20000), DOTNET_DIR (the dotnet on PATH), FASHION_MNIST (/usr/share/datasets/fashion-mnist)
# Builds src/Cli in Release first when its build is missing. About 45 MB; xz takes a few minutes on 2 cores.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
dest="${1:-$root/.gpu}"
build="$root/src/Cli/bin/Release/net10.0"
dotnet_dir="${DOTNET_DIR:-$(dirname "$(readlink -f "$(command -v dotnet)")")}"
fmnist="${FASHION_MNIST:-/usr/share/datasets/fashion-mnist}"
[ -f "$build/modelzoo.dll" ] || dotnet build "$root/src/Cli" -c Release -nologo
stage="$(mktemp -d)"; trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage/app/runtimes/linux-x64/native" "$stage/dotnet/host" "$stage/dotnet/shared" "$stage/data" "$stage/tools"
# The app: managed assemblies and ModelZoo's own native pieces; libtorch comes from the GPU machine's PyTorch.
(cd "$build" && tar cf - --exclude=./runtimes --exclude='*.xml' .) | tar xf - -C "$stage/app"
for f in libLibTorchSharp.so libmodelzoo_glibcxx_compat.so libSkiaSharp.so libLdaNative.so; do
  [ -f "$build/runtimes/linux-x64/native/$f" ] && cp "$build/runtimes/linux-x64/native/$f" "$stage/app/runtimes/linux-x64/native/"
done
# The runtime: the host and the one shared framework the CLI runs on.
cp "$dotnet_dir/dotnet" "$dotnet_dir/LICENSE.txt" "$stage/dotnet/"
cp -r "$dotnet_dir/host/fxr" "$stage/dotnet/host/"
cp -r "$dotnet_dir/shared/Microsoft.NETCore.App" "$stage/dotnet/shared/"
# The data: train and test IDX files as `--data fashion-mnist:DIR` reads them; the training file cut to N images.
python3 - "$fmnist" "$stage/data" "${TRAIN_IMAGES:-20000}" <<'PY'
import gzip, shutil, struct, sys
src, dst, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
images = gzip.open(f"{src}/train-images-idx3-ubyte.gz").read()
labels = gzip.open(f"{src}/train-labels-idx1-ubyte.gz").read()
magic, count, rows, cols = struct.unpack(">IIII", images[:16])
assert magic == 2051 and struct.unpack(">I", labels[:4])[0] == 2049 and n <= count
with gzip.open(f"{dst}/train-images-idx3-ubyte.gz", "wb") as f:
    f.write(struct.pack(">IIII", magic, n, rows, cols) + images[16:16 + n * rows * cols])
with gzip.open(f"{dst}/train-labels-idx1-ubyte.gz", "wb") as f:
    f.write(struct.pack(">II", 2049, n) + labels[8:8 + n])
for name in ("t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"):
    shutil.copy(f"{src}/{name}", f"{dst}/{name}")
PY
cp "$here/symcheck.py" "$here/torch_peer_cuda.py" "$root/bench/pytorch_models.py" "$stage/tools/"
mkdir -p "$dest"
tar -cf - -C "$stage" dotnet app data tools | xz -T0 -6 > "$dest/mz.tar.xz"
cp "$here/run.sh" "$dest/run.sh"
du -sh "$dest"

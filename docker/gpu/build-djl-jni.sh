#!/usr/bin/env bash
# Builds DJL's PyTorch JNI (libdjl_torch.so) against the torch of a local Python (a CUDA build on a GPU machine) and
# lays out a folder that DJL loads instead of its bundled CPU libtorch. DJL ships the JNI for libtorch 2.7.1 only; the
# prebuilt one does not work with another libtorch (the inline parts of the C++ API differ: with 2.10 a tensor made
# from a Java buffer already fails), so it is compiled here against the machine's own headers, in about 20 s on 16
# cores. Needs g++, a JDK (for jni.h and javac) and Python with torch.
#
#   docker/gpu/build-djl-jni.sh [--python PY] [--out DIR] [--djl-src DIR] [--jobs N]
#
# --djl-src: an unpacked DJL source tree of the version in pom.xml (downloaded from GitHub when not given).
# At the end it prints the variables to start the app with (CAILAB_DEVICE=gpu) or to run a benchmark on the GPU.
set -euo pipefail

djl_version=0.36.0
python=python3
out=${HOME}/.cailab/libtorch
djl_src=
jobs=$(nproc)
while [ $# -gt 0 ]; do
  case $1 in
    --python) python=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --djl-src) djl_src=$2; shift 2 ;;
    --jobs) jobs=$2; shift 2 ;;
    *) echo "unknown argument $1 (see the comment at the top of $0)" >&2; exit 2 ;;
  esac
done

java_home=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}
[ -f "$java_home/include/jni.h" ] || { echo "no jni.h under JAVA_HOME=$java_home: set JAVA_HOME to a JDK" >&2; exit 1; }
torch=$("$python" -c "import torch, os; print(os.path.dirname(torch.__file__))") \
  || { echo "$python cannot import torch" >&2; exit 1; }
abi=$("$python" -c "import torch; print(int(torch.compiled_with_cxx11_abi()))")
echo "torch $("$python" -c "import torch; print(torch.__version__, 'cuda', torch.version.cuda)") at $torch"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ -z "$djl_src" ]; then
  echo "downloading DJL $djl_version sources"
  curl -fsSL "https://github.com/deepjavalibrary/djl/archive/refs/tags/v$djl_version.tar.gz" | tar -xz -C "$work"
  djl_src=$work/djl-$djl_version
fi
native=$djl_src/engines/pytorch/pytorch-native/src/main/native

# the JNI header comes from PyTorchLibrary.java (javac -h), compiled against DJL's api and pytorch-engine jars
m2=${MAVEN_REPO:-$HOME/.m2/repository}
cp="$m2/ai/djl/api/$djl_version/api-$djl_version.jar:$m2/ai/djl/pytorch/pytorch-engine/$djl_version/pytorch-engine-$djl_version.jar"
mkdir -p "$work/gen" "$work/classes" "$work/obj"
"$java_home/bin/javac" -h "$work/gen" -d "$work/classes" -cp "$cp" \
  "$djl_src/engines/pytorch/pytorch-engine/src/main/java/ai/djl/pytorch/jni/PyTorchLibrary.java"

flags=(-O2 -fPIC -std=c++17 "-D_GLIBCXX_USE_CXX11_ABI=$abi" -w
  -I"$torch/include" -I"$torch/include/torch/csrc/api/include" -I"$java_home/include" -I"$java_home/include/linux"
  -I"$work/gen" -I"$djl_src/api/src/main/native" -I"$native")
echo "compiling $(ls "$native"/*.cc | wc -l) files with $jobs jobs"
for f in "$native"/*.cc; do
  g++ "${flags[@]}" -c "$f" -o "$work/obj/$(basename "$f" .cc).o" &
  while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do sleep 0.2; done
done
for pid in $(jobs -rp); do wait "$pid"; done
[ "$(ls "$work"/obj/*.o | wc -l)" -eq "$(ls "$native"/*.cc | wc -l)" ] || { echo "compilation failed" >&2; exit 1; }
libs=(-L"$torch/lib" -ltorch -ltorch_cpu -lc10)
[ -e "$torch/lib/libtorch_cuda.so" ] && libs+=(-ltorch_cuda -lc10_cuda)

# DJL System.loads every library in its folder: link only those it must load itself, the rest resolves through
# LD_LIBRARY_PATH (torch/lib and the nvidia/*/lib folders of the CUDA wheels)
rm -rf "$out"
mkdir -p "$out"
g++ -shared -o "$out/libdjl_torch.so" "$work"/obj/*.o "${libs[@]}" -Wl,-rpath,'$ORIGIN'
for f in "$torch"/lib/lib*.so*; do
  case $(basename "$f") in
    libc10.so | libc10_cuda.so | libtorch.so | libtorch_cpu.so | libtorch_cuda.so | libcaffe2_nvrtc.so | libgomp*)
      ln -s "$f" "$out/" ;;
  esac
done
site=$(dirname "$torch")
nvidia=$(find "$site/nvidia" -name "lib*.so*" -printf "%h\n" 2>/dev/null | sort -u | tr '\n' ':' || true)
flavor=$([ -e "$torch/lib/libtorch_cuda.so" ] && echo cu || echo cpu)
cat <<EOF
built $out/libdjl_torch.so
start the app (or a benchmark with -Dbench.device=gpu) with:
export PYTORCH_LIBRARY_PATH=$out PYTORCH_FLAVOR=$flavor
export LD_LIBRARY_PATH=$torch/lib:${nvidia}\${LD_LIBRARY_PATH:-}
EOF
[ "$flavor" = cu ] && echo "export CAILAB_DEVICE=gpu"
true

#!/usr/bin/env bash
# The GPU check, on a GPU machine with Python and a CUDA PyTorch, from a folder made by docker/gpu/pack-gpu-check.sh
# inside the repository (it uses docker/gpu/build-djl-jni.sh): bash .gpu/gpu-check.sh. Variables: DEV (gpu), WHICH
# (EngineBenchmark configs, "tiny 100m"; none for none), BENCH_FLAGS (e.g. -Dbench.rounds=3), EXTRA ("serving rl"),
# PY (the Python with torch), OUT (where the logs go).
# Builds DJL's PyTorch JNI against the machine's own torch (its headers and libraries), checks the engine on the GPU
# against the scalar reference and the CPU, then runs EngineBenchmark on the GPU with a GPU eager baseline.
set -u
G=$(cd "$(dirname "$0")" && pwd); OUT=${OUT:-/tmp/out}; mkdir -p "$OUT"
DEV=${DEV:-gpu}; WHICH=${WHICH:-tiny 100m}; PY=${PY:-$(command -v python3)}
t0=$(date +%s); log() { echo "== +$(( $(date +%s) - t0 ))s $*"; }
log "python $PY"
"$PY" -c "import torch; print('torch', torch.__version__, 'cuda', torch.version.cuda, 'available', torch.cuda.is_available(), torch.cuda.get_device_name(0) if torch.cuda.is_available() else '-', 'cxx11abi', torch.compiled_with_cxx11_abi())"
TORCH=${TORCH:-$("$PY" -c "import torch,os; print(os.path.dirname(torch.__file__))")}
ABI=$("$PY" -c "import torch; print(int(torch.compiled_with_cxx11_abi()))" 2>/dev/null || echo 1)
command -v nvidia-smi >/dev/null && nvidia-smi --query-gpu=name,driver_version,memory.total,clocks.max.sm --format=csv
nproc; g++ --version | head -1
W=/tmp/gpuwork; rm -rf $W; mkdir -p $W/classes $W/lt
tar -xJf "$G/jre.tar.xz" -C $W && JAVA=$W/jre25/bin/java && $JAVA -version 2>&1 | head -1
tar -xJf "$G/classes.tar.xz" -C $W/classes
log "building the JNI with docker/gpu/build-djl-jni.sh"
R=$(cd "$G/.." && pwd)
JAVA_HOME=$W/jre25 MAVEN_REPO=$G/m2 timeout 300 bash "$R/docker/gpu/build-djl-jni.sh" --python "$PY" --djl-src "$G/djlsrc" --out $W/lt 2>&1 | tee "$OUT/build.txt"
[ -f $W/lt/libdjl_torch.so ] || { log "JNI build failed"; exit 1; }
eval "$(grep '^export' "$OUT/build.txt")"
ls -la $W/lt
CP="$W/classes/test-classes:$W/classes/classes:$(ls $G/lib/*.jar | tr '\n' ':')"
J=("$JAVA" --enable-native-access=ALL-UNNAMED -Dai.djl.offline=true -DOPT_OUT_TRACKING=true -Dbench.device=$DEV ${JFLAGS:-} -Dbench.python="$PY" -cp "$CP")
log "device check"
timeout 120 "${J[@]}" org.cailab.model.engine.EngineDeviceCheck 2>&1 | grep -v " INFO \| DEBUG " | tee "$OUT/device-check.txt"
for w in $WHICH; do
  [ "$w" = none ] && continue
  log "EngineBenchmark $w on $DEV"
  timeout ${BENCH_TIMEOUT:-200} "${J[@]}" ${BENCH_FLAGS:-} org.cailab.model.engine.EngineBenchmark $w 2>&1 | grep -v " INFO \| DEBUG " | tee "$OUT/engine-$w-$DEV.txt"
done
command -v nvidia-smi >/dev/null && nvidia-smi --query-gpu=memory.used,utilization.gpu --format=csv
log done
# more, when asked: EXTRA="serving rl"
for x in ${EXTRA:-}; do
  case $x in
    serving) log "ServingBenchmark on $DEV (20 workers x 3, pipeline 160, batch limit 16)"
      timeout ${BENCH_TIMEOUT:-200} "${J[@]}" org.cailab.model.engine.ServingBenchmark 20 3 160 16 2>&1 | grep -v " INFO \| DEBUG " | tee "$OUT/serving-$DEV.txt" ;;
    rl) log "RlBenchmark tiny 100m on $DEV"
      timeout ${BENCH_TIMEOUT:-200} "${J[@]}" org.cailab.rl.RlBenchmark tiny 100m 2>&1 | grep -v " INFO \| DEBUG " | tee "$OUT/rl-$DEV.txt" ;;
  esac
done
log "all done"

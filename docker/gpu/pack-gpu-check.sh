#!/usr/bin/env bash
# Packs what the GPU check needs into one folder, for a GPU machine without Maven or network:
#   docker/gpu/pack-gpu-check.sh [OUT]      (default .gpu, which .gitignore keeps out of git)
# then copy OUT and docker/gpu/ there and run: bash OUT/gpu-check.sh (see that script for its variables).
# It holds a jlinked Java runtime with javac (about 15 MB, xz), the test and main classes (run `./mvnw test-compile`
# first), the few jars the engine needs (DJL, JNA, gson, Jackson, the tokenizers), DJL's JNI sources for
# build-djl-jni.sh (downloaded from GitHub, or DJL_SRC=DIR) and the two DJL jars it compiles the JNI header against. About 41 MB.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:-$root/.gpu}
djl_version=$(sed -n 's:.*<djl.version>\(.*\)</djl.version>.*:\1:p' "$root/pom.xml")
java_home=${JAVA_HOME:?set JAVA_HOME to a JDK 21+}
m2=${MAVEN_REPO:-$HOME/.m2/repository}
[ -d "$root/target/test-classes/org" ] || { echo "no test classes: run ./mvnw test-compile first" >&2; exit 1; }
rm -rf "$out"
mkdir -p "$out/lib" "$out/m2/ai/djl/api/$djl_version" "$out/m2/ai/djl/pytorch/pytorch-engine/$djl_version" "$out/djlsrc"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$java_home/bin/jlink" --add-modules java.base,java.logging,java.management,jdk.management,java.naming,java.sql,java.xml,jdk.unsupported,jdk.compiler \
  --strip-debug --no-man-pages --output "$work/jre25"
tar -C "$work" -cf - jre25 | xz -9 -T0 > "$out/jre.tar.xz"
tar -cJf "$out/classes.tar.xz" -C "$root/target" classes/org test-classes/org
(cd "$root" && ./mvnw -B -q dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" -Dmdep.includeScope=test)
tr ':' '\n' < "$work/cp.txt" \
  | grep -E "ai/djl/api|pytorch-engine|/jna/jna|gson/gson|slf4j-api|tools/jackson/core|jackson-annotations|jspecify|commons-compress|huggingface/tokenizers" \
  | xargs -I{} cp {} "$out/lib/"
cp "$m2/ai/djl/api/$djl_version/api-$djl_version.jar" "$out/m2/ai/djl/api/$djl_version/"
cp "$m2/ai/djl/pytorch/pytorch-engine/$djl_version/pytorch-engine-$djl_version.jar" \
  "$out/m2/ai/djl/pytorch/pytorch-engine/$djl_version/"
# DJL_SRC: an unpacked DJL source tree of that version, where GitHub cannot be reached
src=${DJL_SRC:-}
if [ -z "$src" ]; then
  curl -fsSL "https://github.com/deepjavalibrary/djl/archive/refs/tags/v$djl_version.tar.gz" | tar -xz -C "$work"
  src=$work/djl-$djl_version
fi
for part in engines/pytorch/pytorch-native/src/main/native api/src/main/native \
    engines/pytorch/pytorch-engine/src/main/java/ai/djl/pytorch/jni/PyTorchLibrary.java; do
  mkdir -p "$out/djlsrc/$(dirname "$part")"
  cp -r "$src/$part" "$out/djlsrc/$part"
done
cp "$root/docker/gpu/gpu-check.sh" "$out/"
du -sh "$out"

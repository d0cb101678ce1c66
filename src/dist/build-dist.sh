#!/bin/sh
# Builds the self-contained linux-x86_64 distribution: a jlinked Java runtime, the application jar (with its native
# libraries, the face models the build fetched and the other packs' descriptions), the bin/ launchers and an empty
# models/ directory for the packs no registry serves, as target/argus-<version>-linux-x86_64.tar.gz.
# Called by `./mvnw -Pdist package` with: <java.home> <application jar> <target dir> <version>
set -eu
java_home="$1" jar="$2" target="$3" version="$4"
name="argus-$version-linux-x86_64"
out="$target/dist/$name"
rm -rf "$target/dist"
mkdir -p "$out/lib"

# The modules the application and its libraries use (jdeps over the jar), plus those found only at run time: the jar
# file system resources are read through (jdk.zipfs), process metrics (jdk.management), every charset a client may
# declare (jdk.charsets), elliptic-curve TLS to an object store or webhook (jdk.crypto.ec, where the JDK has it).
modules=$("$java_home/bin/jdeps" --print-module-deps --ignore-missing-deps --multi-release 21 -q "$jar")
modules="$modules,jdk.zipfs,jdk.management,jdk.charsets"
if "$java_home/bin/java" --list-modules | grep -q '^jdk.crypto.ec@'; then
  modules="$modules,jdk.crypto.ec"
fi
"$java_home/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress=zip-6 \
  --output "$out/runtime"

cp "$jar" "$out/lib/argus.jar"
cp -R "$(dirname "$0")/bin" "$out/bin"
chmod +x "$out/bin/"*
cp "$(dirname "$0")/../../README.md" "$out/"
mkdir -p "$out/models"
printf '%s\n' "Model packs no registry serves go here as <pack>/<file> (e.g. minifasnet/2.7_80x80_MiniFASNetV2.onnx), or set" \
  "ARGUS_MODELS_DIR to a directory laid out so. The README names the packs, their files and their SHA-256." > "$out/models/README.txt"
tar -C "$target/dist" -czf "$target/$name.tar.gz" "$name"
echo "built $target/$name.tar.gz ($(du -sh "$target/$name.tar.gz" | cut -f1)); runtime modules: $modules"

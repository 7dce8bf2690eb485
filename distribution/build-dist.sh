#!/usr/bin/env bash
# Builds the release from this module's target/ (Maven runs it in `package`; `make dist`):
#   dist/sni37122-VERSION-linux-x86_64.tar.gz   dist/sni37122_VERSION_amd64.deb
#   dist/sni37122-VERSION-linux-aarch64.tar.gz  dist/sni37122_VERSION_arm64.deb
# Each tarball holds one folder, sni37122-VERSION/, with bin/ (the launcher), lib/ (the jars, and
# this platform's native libraries as plain files beside them: the jars that carried all
# platforms' copies are stripped of them), etc/example.yaml, share/ (config JSON Schema, systemd
# units, man pages, bash completion, licences). The .deb holds the same tree under /opt/sni37122.
#
# Inputs (made by the module's pom in `package`): target/lib (runtime jars), target/tools (man
# page and completion generators), target/classes (Docs), target/THIRD-PARTY.txt (licences).
# SNI37122_DIST_DIR changes the output folder; SNI37122_DIST_ARCHES="x86_64" builds only one.
set -euo pipefail
version=$1
module=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$module")
target=$module/target
out=${SNI37122_DIST_DIR:-$root/dist}
arches=${SNI37122_DIST_ARCHES:-x86_64 aarch64}
work=$target/dist-work
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
name=sni37122-$version

rm -rf "$work"
mkdir -p "$work/tmp" "$out"

# --- the tree both platforms share
common=$work/common/$name
mkdir -p "$common/lib" "$common/share/doc/sni37122/licenses" "$common/share/man" "$common/share/bash-completion/completions"
cp -r "$module/src/main/dist/." "$common/"
chmod 755 "$common/bin/sni37122"
cp "$root/README.md" "$common/share/doc/sni37122/"
cp "$target/THIRD-PARTY.txt" "$common/share/doc/sni37122/"

# The jars without their all-platform native libraries, and every jar's licence files.
"$java" -cp "$target/classes" id.sni37122.distribution.ReleaseJars "$target/lib" "$common/lib" \
  "$common/share/doc/sni37122/licenses" "$module/licenses" "$target/THIRD-PARTY.txt"

# Man pages and bash completion from the picocli model.
"$java" -Djava.io.tmpdir="$work/tmp" -cp "$target/classes:$target/lib/*:$target/tools/*" id.sni37122.distribution.Docs "$work/docs"
cp -r "$work/docs/man/." "$common/share/man/"
cp "$work/docs/bash-completion/sni37122" "$common/share/bash-completion/completions/sni37122"

# --- one tarball and one .deb per platform
for arch in $arches; do
  stage=$work/$arch
  mkdir -p "$stage"
  cp -r "$work/common/$name" "$stage/"
  "$java" -cp "$target/classes" id.sni37122.distribution.ReleaseJars --natives "$arch" "$target/lib" "$stage/$name/lib"
  tar --owner=0 --group=0 --numeric-owner -C "$stage" -czf "$out/$name-linux-$arch.tar.gz" "$name"

  if ! command -v dpkg-deb >/dev/null; then
    echo "build-dist: dpkg-deb not found, no .deb for $arch (apt-get install dpkg-dev, or build on Debian/Ubuntu)" >&2
    continue
  fi
  case $arch in x86_64) debarch=amd64 ;; aarch64) debarch=arm64 ;; esac
  deb=$work/deb-$arch
  mkdir -p "$deb/DEBIAN" "$deb/opt" "$deb/usr/bin" "$deb/lib/systemd/system" "$deb/usr/share/bash-completion/completions" \
    "$deb/usr/share/man"
  cp -r "$stage/$name" "$deb/opt/sni37122"
  ln -s /opt/sni37122/bin/sni37122 "$deb/usr/bin/sni37122"
  cp "$deb/opt/sni37122/share/systemd/"* "$deb/lib/systemd/system/"
  ln -s /opt/sni37122/share/bash-completion/completions/sni37122 "$deb/usr/share/bash-completion/completions/sni37122"
  cp -r "$deb/opt/sni37122/share/man/." "$deb/usr/share/man/"
  find "$deb/usr/share/man" -name '*.1' -exec gzip -9n {} +
  sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$debarch/" -e "s/@SIZE@/$(du -sk "$deb" | cut -f1)/" \
    "$module/src/main/debian/control" > "$deb/DEBIAN/control"
  install -m 755 "$module/src/main/debian/postinst" "$module/src/main/debian/prerm" "$module/src/main/debian/postrm" "$deb/DEBIAN/"
  dpkg-deb --root-owner-group -Zgzip -b "$deb" "$out/sni37122_${version}_$debarch.deb" >/dev/null
done
rm -rf "$work/tmp"
echo "build-dist: $(cd "$out" && ls $name-linux-*.tar.gz sni37122_"$version"_*.deb | tr '\n' ' ')in $out"

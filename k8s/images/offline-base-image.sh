#!/usr/bin/env bash
# Builds a JVM base image as a docker-archive tarball with neither a container engine nor a registry:
# glibc from Debian's libc6 package and a jlink'ed runtime of the local JDK 21+ (which bundles its zlib),
# user 185, nothing else. For builds that cannot pull the default base image (k8s/README.md, "Images"):
#
#   k8s/images/offline-base-image.sh target/base-jre.tar
#   ./mvnw package -DskipTests -Dquarkus.container-image.build=true -Dquarkus.jib.base-jvm-image=tar://$PWD/target/base-jre.tar \
#     -Dquarkus.container-image.push=true -Dquarkus.container-image.registry=<registry> [-Dquarkus.container-image.insecure=true]
#
# Needs apt-get (Debian 12) and a JDK 21+; the output is reproducible for the same libc6 and JDK.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=$(realpath -m "${1:?usage: offline-base-image.sh <output.tar>}")
# shellcheck source=../../scripts/lib/jdk.sh
. "$ROOT/scripts/lib/jdk.sh"

work=$(mktemp -d)
chmod 755 "$work"
trap 'rm -rf "$work"' EXIT
rootfs=$work/rootfs
mkdir -p "$rootfs/tmp" "$rootfs/etc" "$rootfs/home/app"
chmod 1777 "$rootfs/tmp"

mkdir -m 777 "$work/deb" # apt downloads as its own user
(cd "$work/deb" && apt-get download -q libc6 >/dev/null)
dpkg-deb -x "$work"/deb/libc6_*.deb "$rootfs"
rm -rf "$rootfs/usr/share/doc" "$rootfs/usr/share/lintian" "$rootfs/usr/share/locale"

"$JAVA_HOME/bin/jlink" --output "$rootfs/opt/java" --strip-debug --no-header-files --no-man-pages \
  --add-modules java.se,jdk.unsupported,jdk.zipfs,jdk.management,jdk.naming.dns,jdk.net,jdk.jfr,jdk.crypto.ec
printf 'root:x:0:0:root:/root:/sbin/nologin\napp:x:185:185:app:/home/app:/sbin/nologin\n' >"$rootfs/etc/passwd"
printf 'root:x:0:\napp:x:185:\n' >"$rootfs/etc/group"
chown 185:185 "$rootfs/home/app"

tar --sort=name --mtime=@0 --numeric-owner -C "$rootfs" -cf "$work/layer.tar" .
diff_id=$(sha256sum "$work/layer.tar" | cut -d' ' -f1)
jdk=$("$rootfs/opt/java/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.runtime\.version = //p')
cat >"$work/config.json" <<JSON
{"architecture":"amd64","os":"linux","created":"1970-01-01T00:00:00Z",
 "config":{"User":"185","WorkingDir":"/home/app",
  "Env":["PATH=/opt/java/bin:/usr/bin:/bin","JAVA_HOME=/opt/java","LANG=C.UTF-8"],
  "Labels":{"org.opencontainers.image.description":"glibc (Debian libc6) + jlink runtime of JDK $jdk"}},
 "rootfs":{"type":"layers","diff_ids":["sha256:$diff_id"]}}
JSON
printf '[{"Config":"config.json","RepoTags":["feedbackloop/base-jre:%s"],"Layers":["layer.tar"]}]\n' "${jdk%%+*}" >"$work/manifest.json"
mkdir -p "$(dirname "$OUT")"
tar --mtime=@0 -C "$work" -cf "$OUT" manifest.json config.json layer.tar
echo "$OUT: $(du -h "$OUT" | cut -f1), JDK $jdk, glibc $(dpkg-deb -f "$work"/deb/libc6_*.deb Version)"

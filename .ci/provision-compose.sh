#!/usr/bin/env bash
# Installs the Docker Compose v2 and buildx CLI plugins from Debian 13's packages when either is
# missing. Debian 12 does not package them; Debian 13's binaries need only libc. Package sources are
# this machine's own apt configuration with the suite changed (hermetic/apt-sources.sh).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=../hermetic/apt-sources.sh
. "$here/../hermetic/apt-sources.sh"

plugins_dir=/usr/libexec/docker/cli-plugins
if docker compose version >/dev/null 2>&1 && docker buildx version >/dev/null 2>&1; then
  echo "provision: compose and buildx plugins already present ($(docker compose version --short), $(docker buildx version | awk '{print $2}'))"
  exit 0
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
apt_sources_for_suite trixie "$work/sources.list"
apt_private_state "$work/apt" "$work/sources.list"
echo "provision: fetching docker-compose and docker-buildx from Debian 13 (sources: this machine's apt configuration)"
apt-get "${APT_PRIVATE_OPTS[@]}" -q update >/dev/null
(cd "$work" && apt-get "${APT_PRIVATE_OPTS[@]}" -q download docker-compose docker-buildx >/dev/null)
mkdir -p "$plugins_dir"
for deb in "$work"/docker-compose_*.deb "$work"/docker-buildx_*.deb; do
  dpkg-deb -x "$deb" "$work/extract"
done
install -m 0755 "$work/extract/usr/libexec/docker/cli-plugins/docker-compose" "$plugins_dir/docker-compose"
install -m 0755 "$work/extract/usr/libexec/docker/cli-plugins/docker-buildx" "$plugins_dir/docker-buildx"
echo "provision: installed $(docker compose version), $(docker buildx version)"

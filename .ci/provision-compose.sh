#!/usr/bin/env bash
# Installs the Docker Compose v2 and buildx CLI plugins from Debian 13's packages when
# `docker compose` is missing. Debian 12 does not package them; Debian 13's binaries need only libc.
set -euo pipefail

plugins_dir=/usr/libexec/docker/cli-plugins
if docker compose version >/dev/null 2>&1 && docker buildx version >/dev/null 2>&1; then
  echo "provision: compose and buildx plugins already present ($(docker compose version --short))"
  exit 0
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/lists/partial" "$work/cache/archives/partial"
echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian trixie main" >"$work/sources.list"
apt_opts=(
  -o "Dir::Etc::SourceList=$work/sources.list"
  -o "Dir::Etc::SourceParts=/dev/null"
  -o "Dir::State::Lists=$work/lists"
  -o "Dir::Cache=$work/cache"
  -o "APT::Sandbox::User=root"
)
echo "provision: fetching docker-compose and docker-buildx from Debian 13"
apt-get "${apt_opts[@]}" -q update >/dev/null
(cd "$work" && apt-get "${apt_opts[@]}" -q download docker-compose docker-buildx >/dev/null)
mkdir -p "$plugins_dir"
for deb in "$work"/docker-compose_*.deb "$work"/docker-buildx_*.deb; do
  dpkg-deb -x "$deb" "$work/extract"
done
install -m 0755 "$work/extract/usr/libexec/docker/cli-plugins/docker-compose" "$plugins_dir/docker-compose"
install -m 0755 "$work/extract/usr/libexec/docker/cli-plugins/docker-buildx" "$plugins_dir/docker-buildx"
echo "provision: installed $(docker compose version)"

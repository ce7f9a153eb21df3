#!/usr/bin/env bash
# Builds local stand-ins for python:3.13-slim and postgres:17 from Debian 13 packages on machines
# that reach no image registry (spec §7). Idempotent: an image already present is never replaced.
# Usage: bash hermetic/build-stand-ins.sh   (or: npm run images:hermetic)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
suite=trixie
python_image=python:3.13-slim
postgres_image=postgres:17
stand_in_label=org.opencontainers.image.description

have_image() { docker image inspect "$1" >/dev/null 2>&1; }

try_pull() {
  local image=$1
  if timeout 120 docker pull -q "$image" >/dev/null 2>&1; then
    echo "hermetic: pulled $image"
    return 0
  fi
  return 1
}

ensure_debootstrap() {
  if ! command -v debootstrap >/dev/null 2>&1; then
    echo "hermetic: installing debootstrap"
    apt-get update -q >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q debootstrap >/dev/null
  fi
}

# rootfs DIR PACKAGES: a minimal Debian 13 tree with the given packages, caches removed.
make_rootfs() {
  local dir=$1 packages=$2
  debootstrap --variant=minbase --include="$packages" "$suite" "$dir" "$mirror" >"$dir.log" 2>&1 || {
    echo "hermetic: debootstrap failed for $dir; last lines:" >&2
    tail -n 20 "$dir.log" >&2
    return 1
  }
  rm -rf "$dir"/var/cache/apt/archives/*.deb "$dir"/var/lib/apt/lists/* "$dir"/usr/share/doc/* \
    "$dir"/usr/share/man/* "$dir"/usr/share/info/*
}

# import_image DIR NAME DOCKERFILE_DIR: imports the tree, then finishes it with a small Dockerfile
# (docker import cannot set LABEL or STOPSIGNAL).
import_image() {
  local dir=$1 name=$2 context=$3 base
  base="docker-lab-hermetic-base/${name%%:*}:${name##*:}"
  tar -C "$dir" -c . | docker import - "$base" >/dev/null
  docker build -q --build-arg "BASE=$base" -t "$name" "$context" >/dev/null
  docker image rm "$base" >/dev/null
  echo "hermetic: built stand-in $name ($(docker image inspect -f '{{.Size}}' "$name" | awk '{printf "%.0f MB", $1/1e6}'))"
}

build_python() {
  local dir=$1
  make_rootfs "$dir" python3,python3-pip,python3-fastapi,python3-uvicorn,uvicorn,ca-certificates
  rm -f "$dir"/usr/lib/python3*/EXTERNALLY-MANAGED
  mkdir -p "$dir/usr/local/bin"
  ln -sf /usr/bin/python3 "$dir/usr/local/bin/python"
  ln -sf /usr/bin/pip3 "$dir/usr/local/bin/pip"
  import_image "$dir" "$python_image" "$here/python"
}

build_postgres() {
  local dir=$1
  make_rootfs "$dir" postgresql-17,postgresql-client-17,util-linux
  # The package's post-install made a cluster we do not use: the entry point initialises PGDATA.
  rm -rf "$dir"/var/lib/postgresql/17 "$dir"/etc/postgresql/17
  install -m 0755 "$here/postgres/docker-entrypoint.sh" "$dir/usr/local/bin/docker-entrypoint.sh"
  import_image "$dir" "$postgres_image" "$here/postgres"
}

need=()
for image in "$python_image" "$postgres_image"; do
  if have_image "$image"; then
    echo "hermetic: $image already present, kept as is"
  elif try_pull "$image"; then
    :
  else
    need+=("$image")
  fi
done
[ "${#need[@]}" -eq 0 ] && exit 0

ensure_debootstrap
work=$(mktemp -d /var/tmp/docker-lab-hermetic.XXXXXX)
trap 'rm -rf "$work"' EXIT
pids=()
for image in "${need[@]}"; do
  echo "hermetic: $image cannot be pulled; building a stand-in from Debian 13 packages"
  case "$image" in
    "$python_image") build_python "$work/python" & ;;
    "$postgres_image") build_postgres "$work/postgres" & ;;
  esac
  pids+=($!)
done
status=0
for pid in "${pids[@]}"; do wait "$pid" || status=1; done
exit "$status"

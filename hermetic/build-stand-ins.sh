#!/usr/bin/env bash
# Builds local stand-ins for python:3.13-slim, python:3.12-slim and postgres:17 from Debian 13
# packages on machines that reach no image registry (see INSTRUCTORS.md, « Commands »: `npm run
# images:hermetic`), in the engine the docker CLI talks to (DOCKER_HOST works).
# Usage: bash hermetic/build-stand-ins.sh   (or, in the maintainers' repository: npm run images:hermetic)
#
# Settings (environment):
#   DOCKER_LAB_OFFLINE=1             the machine reaches no image registry: never try `docker pull`.
#   DOCKER_LAB_STAND_IN_SOURCE=HOST  another engine (a DOCKER_HOST value) that may hold current
#                                    stand-ins: they are copied with `docker save | docker load`
#                                    instead of being built again.
#
# Idempotent. A stand-in carries `org.docker-lab.stand-in.version` (its Dockerfile's LABEL, an
# integer; none = 0): one whose version is lower than its Dockerfile's is rebuilt, a current one is
# kept. An image that is not a stand-in (pulled from a registry) is never replaced.
# Package sources are this machine's own apt configuration (hermetic/apt-sources.sh).
# Debian 13 has one Python, 3.13: the python:3.12-slim stand-in runs it too (its description label
# says so) and carries the packages of the labs that use that image (Flask, gunicorn).
# Time: one debootstrap for both Python stand-ins (their shared packages), copied into a tree per
# image that gets its own packages with apt, side by side with the postgres debootstrap.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=apt-sources.sh
. "$here/apt-sources.sh"
suite=trixie
python_image=python:3.13-slim
python312_image=python:3.12-slim
postgres_image=postgres:17
version_label=org.docker-lab.stand-in.version
description_label=org.opencontainers.image.description
# What every Python stand-in carries (debootstrap), then each one's own packages (apt in a chroot).
# A stand-in is never kinder than the real image: only what its labs' requirements.txt pins.
python_common=python3,python3-pip,ca-certificates

context_of() {
  case "$1" in
    "$python_image") echo "$here/python" ;;
    "$python312_image") echo "$here/python312" ;;
    "$postgres_image") echo "$here/postgres" ;;
  esac
}

python_packages_of() {
  case "$1" in
    "$python_image") echo python3-fastapi python3-uvicorn uvicorn ;;
    "$python312_image") echo python3-flask gunicorn ;;
  esac
}

# The version its Dockerfile gives a stand-in (0 without a label).
wanted_version() {
  local v
  v=$(sed -n "s/.*${version_label//./\\.}=\"\{0,1\}\([0-9][0-9]*\)\"\{0,1\}.*/\1/p" "$(context_of "$1")/Dockerfile" | tail -n 1)
  echo "${v:-0}"
}

# state IMAGE [HOST]: "absent", "foreign" (not a stand-in), or the stand-in's version.
state() {
  local image=$1 labels
  labels=$(docker ${2:+-H "$2"} image inspect -f "{{index .Config.Labels \"$version_label\"}}|{{index .Config.Labels \"$description_label\"}}" "$image" 2>/dev/null) || { echo absent; return; }
  local version=${labels%%|*} description=${labels#*|}
  if [ -n "$version" ]; then echo "$version"; elif [[ "$description" == Stand-in* ]]; then echo 0; else echo foreign; fi
}

try_pull() {
  [ "${DOCKER_LAB_OFFLINE:-}" = 1 ] && return 1
  if timeout 120 docker pull -q "$1" >/dev/null 2>&1; then
    echo "hermetic: pulled $1"
    return 0
  fi
  return 1
}

# copy_from_source IMAGE WANTED: save|load from DOCKER_LAB_STAND_IN_SOURCE when it holds a current stand-in.
copy_from_source() {
  local image=$1 wanted=$2 source=${DOCKER_LAB_STAND_IN_SOURCE:-} found
  [ -n "$source" ] || return 1
  found=$(state "$image" "$source")
  case "$found" in absent | foreign) return 1 ;; esac
  [ "$found" -ge "$wanted" ] || return 1
  docker -H "$source" save "$image" | docker load -q >/dev/null
  echo "hermetic: copied stand-in $image (version $found) from $source"
}

ensure_debootstrap() {
  if ! command -v debootstrap >/dev/null 2>&1; then
    echo "hermetic: installing debootstrap"
    apt-get update -q >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q debootstrap >/dev/null
  fi
}

# debootstrap_tree DIR PACKAGES: a minimal Debian 13 tree with the given packages.
debootstrap_tree() {
  local dir=$1 packages=$2
  debootstrap --variant=minbase --include="$packages" "$suite" "$dir" "$mirror" >"$dir.log" 2>&1 || {
    echo "hermetic: debootstrap failed for $dir; last lines:" >&2
    tail -n 20 "$dir.log" >&2
    return 1
  }
}

# strip_tree DIR: removes package caches and lists (apt's binary caches: 90 MB), documentation and
# manual pages.
strip_tree() {
  local dir=$1
  rm -rf "$dir"/var/cache/apt/archives/*.deb "$dir"/var/cache/apt/*.bin "$dir"/var/lib/apt/lists/* \
    "$dir"/usr/share/doc/* "$dir"/usr/share/man/* "$dir"/usr/share/info/*
}

# import_image DIR NAME: imports the tree, then finishes it with the stand-in's Dockerfile
# (docker import cannot set LABEL or STOPSIGNAL). A stand-in it replaces is removed when unused.
import_image() {
  local dir=$1 name=$2 base old
  base="docker-lab-hermetic-base/${name%%:*}:${name##*:}"
  old=$(docker image inspect -f '{{.Id}}' "$name" 2>/dev/null || true)
  tar -C "$dir" -c . | docker import - "$base" >/dev/null
  docker build -q --build-arg "BASE=$base" -t "$name" "$(context_of "$name")" >/dev/null
  docker image rm "$base" >/dev/null
  if [ -n "$old" ] && [ "$old" != "$(docker image inspect -f '{{.Id}}' "$name")" ]; then
    docker image rm "$old" >/dev/null 2>&1 || echo "hermetic: the previous $name ($old) is still in use; left in place"
  fi
  echo "hermetic: built stand-in $name, version $(wanted_version "$name") ($(docker image inspect -f '{{.Size}}' "$name" | awk '{printf "%.0f MB", $1/1e6}'))"
}

# build_pythons IMAGE...: one debootstrap of the packages the Python stand-ins share, with apt's
# lists; then, side by side, a copy of it per image (cp -a, a second or so) that gets the image's
# own packages with apt in a chroot, and is imported. On 2 cores this costs a few seconds per image
# where a debootstrap of its own costs a minute and slows the others.
build_pythons() {
  local base=$work/python-base image pids=() status=0 pid
  debootstrap_tree "$base" "$python_common" || return 1
  rm -f "$base"/var/cache/apt/archives/*.deb
  chroot "$base" apt-get update -q >>"$base.log" 2>&1 || {
    echo "hermetic: apt-get update failed in $base; last lines:" >&2
    tail -n 20 "$base.log" >&2
    return 1
  }
  for image in "$@"; do
    finish_python "$base" "$work/$(basename "$(context_of "$image")")" "$image" &
    pids+=($!)
  done
  for pid in "${pids[@]}"; do wait "$pid" || status=1; done
  rm -rf "$base"
  return "$status"
}

# finish_python BASE DIR IMAGE: copies BASE to DIR, adds IMAGE's packages, imports it as IMAGE.
finish_python() {
  local base=$1 dir=$2 image=$3
  cp -a "$base" "$dir"
  # shellcheck disable=SC2046 # one word per package
  DEBIAN_FRONTEND=noninteractive chroot "$dir" apt-get install -y -q --no-install-recommends \
    $(python_packages_of "$image") >"$dir.log" 2>&1 || {
    echo "hermetic: installing $(python_packages_of "$image") failed for $image; last lines:" >&2
    tail -n 20 "$dir.log" >&2
    return 1
  }
  strip_tree "$dir"
  rm -f "$dir"/usr/lib/python3*/EXTERNALLY-MANAGED
  mkdir -p "$dir/usr/local/bin"
  ln -sf /usr/bin/python3 "$dir/usr/local/bin/python"
  ln -sf /usr/bin/pip3 "$dir/usr/local/bin/pip"
  import_image "$dir" "$image"
}

build_postgres() {
  local dir=$1
  debootstrap_tree "$dir" postgresql-17,postgresql-client-17,util-linux || return 1
  strip_tree "$dir"
  # The package's post-install made a cluster we do not use: the entry point initialises PGDATA.
  rm -rf "$dir"/var/lib/postgresql/17 "$dir"/etc/postgresql/17
  install -m 0755 "$here/postgres/docker-entrypoint.sh" "$dir/usr/local/bin/docker-entrypoint.sh"
  import_image "$dir" "$postgres_image"
}

need=()
for image in "$python_image" "$python312_image" "$postgres_image"; do
  wanted=$(wanted_version "$image")
  found=$(state "$image")
  case "$found" in
    foreign) echo "hermetic: $image is not a stand-in (pulled from a registry), kept as is"; continue ;;
    absent) try_pull "$image" && continue ;;
    *)
      if [ "$found" -ge "$wanted" ]; then
        echo "hermetic: stand-in $image version $found already present (Dockerfile: $wanted), kept as is"
        continue
      fi
      echo "hermetic: stand-in $image is version $found, its Dockerfile is at $wanted: replacing it"
      ;;
  esac
  copy_from_source "$image" "$wanted" && continue
  need+=("$image")
done
[ "${#need[@]}" -eq 0 ] && exit 0

ensure_debootstrap
mirror=$(apt_debian_mirror)
work=$(mktemp -d /var/tmp/docker-lab-hermetic.XXXXXX)
trap 'rm -rf "$work"' EXIT
pythons=()
pids=()
for image in "${need[@]}"; do
  echo "hermetic: building a stand-in for $image from Debian 13 packages"
  case "$image" in
    "$postgres_image") build_postgres "$work/postgres" & pids+=($!) ;;
    *) pythons+=("$image") ;;
  esac
done
if [ "${#pythons[@]}" -gt 0 ]; then
  build_pythons "${pythons[@]}" &
  pids+=($!)
fi
status=0
for pid in "${pids[@]}"; do wait "$pid" || status=1; done
exit "$status"

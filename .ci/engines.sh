#!/usr/bin/env bash
# The extra Docker engines CI grades with, besides the machine's default one (README, « Maintainer tests »):
#   Debian 12: the default engine is the distribution's 20.10; extras are Docker 26.1 from Debian 13's
#              docker.io + containerd packages (with the host's runc), classic image store ("26") and
#              containerd image store ("26-c8d").
#   Debian 13: the default engine is the distribution's 26.1 (classic store); the extra is the same
#              26.1 with the containerd image store ("26-c8d").
# Each extra engine has its own socket, data root, exec root, managed containerd, bridge and address
# pool, runs without iptables rules (the default engine's chains are shared and left alone: published
# ports go through docker-proxy on 127.0.0.1) and is stopped only by the run that started it.
#
# Usage (sourced):  . .ci/engines.sh; engines_extra            -> names of the extra engines
#                   engine_provision NAME; engine_start NAME     -> prints "started PID" or "running"
#                   engine_host NAME                             -> DOCKER_HOST value
#                   engine_stop NAME PID
# Usage (command):  bash .ci/engines.sh start|stop|host|list [NAME]
set -euo pipefail

ENGINES_CI_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=../hermetic/apt-sources.sh
. "$ENGINES_CI_DIR/../hermetic/apt-sources.sh"

ENGINE_BIN_26=/opt/docker-lab-ci/docker-26/bin

engines_extra() {
  case "$(apt_host_codename)" in
    bookworm) echo "26 26-c8d" ;;
    *) echo "26-c8d" ;;
  esac
}

engine_sock() { echo "/run/docker-lab-ci-$1.sock"; }
engine_host() { echo "unix://$(engine_sock "$1")"; }
engine_root() { echo "/var/lib/docker-lab-ci-$1"; }
engine_exec_root() { echo "/run/docker-lab-ci-$1"; }
engine_pidfile() { echo "/run/docker-lab-ci-$1.pid"; }
engine_log() { echo "/var/log/docker-lab-ci-$1.log"; }
engine_config() { echo "/etc/docker-lab-ci/$1.json"; }
engine_bridge() { echo "dlci${1//-/}"; }

# Bridge address and address pool of each engine: private ranges the default engine does not use.
engine_bip() { case "$1" in 26) echo 10.231.0.1/24 ;; 26-c8d) echo 10.233.0.1/24 ;; esac; }
engine_pool() { case "$1" in 26) echo 10.232.0.0/16 ;; 26-c8d) echo 10.234.0.0/16 ;; esac; }

# Directory holding dockerd 26.1, docker-proxy, containerd and its shim for this machine.
engine_bindir() {
  if [ "$(apt_host_codename)" = bookworm ]; then echo "$ENGINE_BIN_26"; else echo /usr/sbin; fi
}

# Debian 12: extracts Debian 13's dockerd and containerd (1.7) into /opt; the host's runc is used
# (Debian 13's needs glibc 2.38). Debian 13: the distribution's docker.io and containerd.
engine_provision_binaries() {
  if [ "$(apt_host_codename)" != bookworm ]; then
    if ! command -v dockerd >/dev/null 2>&1; then
      apt-get install -y -q docker.io >/dev/null
    fi
    return 0
  fi
  if [ -x "$ENGINE_BIN_26/dockerd" ] && [ -x "$ENGINE_BIN_26/containerd" ] && [ -x "$ENGINE_BIN_26/containerd-shim-runc-v2" ] \
    && "$ENGINE_BIN_26/dockerd" --version 2>/dev/null | grep -q ' 26\.'; then
    echo "engines: $("$ENGINE_BIN_26/dockerd" --version) already in $ENGINE_BIN_26"
    return 0
  fi
  command -v runc >/dev/null 2>&1 || apt-get install -y -q runc >/dev/null
  local work
  work=$(mktemp -d)
  apt_sources_for_suite trixie "$work/sources.list"
  apt_private_state "$work/apt" "$work/sources.list"
  echo "engines: fetching docker.io and containerd from Debian 13 (sources: this machine's apt configuration)"
  apt-get "${APT_PRIVATE_OPTS[@]}" -q update >/dev/null
  (cd "$work" && apt-get "${APT_PRIVATE_OPTS[@]}" -q download docker.io containerd >/dev/null)
  local deb
  for deb in "$work"/docker.io_*.deb "$work"/containerd_*.deb; do dpkg-deb -x "$deb" "$work/x"; done
  mkdir -p "$ENGINE_BIN_26"
  install -m 0755 "$work/x/usr/sbin/dockerd" "$work/x/usr/sbin/docker-proxy" \
    "$work/x/usr/bin/containerd" "$work/x/usr/bin/containerd-shim-runc-v2" "$work/x/usr/bin/ctr" "$ENGINE_BIN_26/"
  rm -rf "$work"
  echo "engines: installed $("$ENGINE_BIN_26/dockerd" --version) into $ENGINE_BIN_26"
}

engine_write_config() {
  local name=$1 snapshotter=false
  [ "$name" = 26-c8d ] && snapshotter=true
  mkdir -p "$(dirname "$(engine_config "$name")")"
  cat >"$(engine_config "$name")" <<JSON
{
  "features": { "containerd-snapshotter": $snapshotter },
  "hosts": ["$(engine_host "$name")"],
  "data-root": "$(engine_root "$name")",
  "exec-root": "$(engine_exec_root "$name")",
  "pidfile": "$(engine_pidfile "$name")",
  "bridge": "$(engine_bridge "$name")",
  "default-address-pools": [{ "base": "$(engine_pool "$name")", "size": 24 }],
  "iptables": false,
  "ip-masq": false,
  "userland-proxy-path": "$(engine_bindir)/docker-proxy",
  "init-path": "/usr/bin/docker-init"
}
JSON
}

engine_bridge_up() {
  local br
  br=$(engine_bridge "$1")
  if ! ip link show "$br" >/dev/null 2>&1; then
    ip link add name "$br" type bridge
    ip addr add "$(engine_bip "$1")" dev "$br"
  fi
  ip link set "$br" up
}

engine_answers() { timeout 10 docker -H "$(engine_host "$1")" info >/dev/null 2>&1; }

# Docker 26.1 deletes a `docker0` link at start-up even when configured with a bridge of its own
# (seen on Debian 12: starting "26" after the default 20.10 engine removed docker0, and the 20.10
# engine then failed every container with "could not find bridge docker0" until it was restarted).
# The default engine's bridge is recorded before an extra engine starts and put back as it was.
default_bridge_addrs() {
  ip -o -4 addr show dev docker0 2>/dev/null | awk '{print $4}'
}
default_bridge_restore() {
  local addrs=$1 addr
  [ -n "$addrs" ] || return 0
  if ip link show docker0 >/dev/null 2>&1; then return 0; fi
  echo "engines: the extra engine removed the default engine's docker0 bridge; restoring it ($addrs)" >&2
  ip link add name docker0 type bridge
  for addr in $addrs; do ip addr add "$addr" dev docker0; done
  ip link set docker0 up
}

# Starts engine NAME unless it answers; prints "started PID" or "running" on the last line.
engine_start() {
  local name=$1 pid
  if engine_answers "$name"; then echo running; return 0; fi
  command -v docker-init >/dev/null 2>&1 || apt-get install -y -q tini >/dev/null
  engine_provision_binaries
  engine_write_config "$name"
  engine_bridge_up "$name"
  local default_addrs
  default_addrs=$(default_bridge_addrs)
  local pidfile
  pidfile=$(engine_pidfile "$name")
  if [ -f "$pidfile" ]; then
    local old
    old=$(cat "$pidfile" 2>/dev/null || true)
    if [ -z "$old" ] || ! kill -0 "$old" 2>/dev/null; then rm -f "$pidfile"; fi
  fi
  local cpid
  cpid="$(engine_exec_root "$name")/containerd/containerd.pid"
  if [ -f "$cpid" ] && ! kill -0 "$(cat "$cpid" 2>/dev/null || echo 0)" 2>/dev/null; then rm -f "$cpid"; fi
  mkdir -p "$(engine_root "$name")" "$(engine_exec_root "$name")"
  # dockerd finds its containerd and shim on PATH; runc stays the host's.
  PATH="$(engine_bindir):$PATH" nohup "$(engine_bindir)/dockerd" --config-file "$(engine_config "$name")" \
    >"$(engine_log "$name")" 2>&1 </dev/null &
  pid=$!
  local deadline=$((SECONDS + 90))
  until engine_answers "$name"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "engines: dockerd $name exited during start; last log lines:" >&2
      tail -n 20 "$(engine_log "$name")" >&2
      return 1
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      echo "engines: dockerd $name did not answer within 90 s; last log lines:" >&2
      tail -n 20 "$(engine_log "$name")" >&2
      kill "$pid" 2>/dev/null || true
      return 1
    fi
    sleep 0.2 # poll interval, bounded by the deadline above
  done
  default_bridge_restore "$default_addrs"
  echo "started $pid"
}

# Stops the dockerd with this pid (one this run started), waiting for it to exit, bounded.
engine_stop() {
  local name=$1 pid=$2
  echo "engines: stopping dockerd $name (pid $pid), started by this run"
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.2; done
  echo "engines: dockerd $name (pid $pid) still running after 60 s" >&2
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  case "${1:-}" in
    list) engines_extra ;;
    host) engine_host "$2" ;;
    start) engine_start "$2" ;;
    stop) engine_stop "$2" "$3" ;;
    provision) engine_provision_binaries ;;
    *) echo "usage: $0 list|host NAME|start NAME|stop NAME PID|provision" >&2; exit 2 ;;
  esac
fi

#!/usr/bin/env bash
# Starts dockerd when no engine answers. Prints the pid of the daemon it started on stdout's last
# line ("started PID"), or "running" when an engine was already up. A stale pid file left by a
# killed daemon is removed first. Waits for the engine with a deadline, never a fixed sleep.
set -euo pipefail

if timeout 10 docker info >/dev/null 2>&1; then
  echo running
  exit 0
fi

pidfile=/var/run/docker.pid
if [ -f "$pidfile" ]; then
  old=$(cat "$pidfile" 2>/dev/null || true)
  if [ -z "$old" ] || ! kill -0 "$old" 2>/dev/null || [ "$(ps -p "$old" -o comm= 2>/dev/null)" != dockerd ]; then
    echo "provision: removing stale $pidfile (pid '${old}' is not a running dockerd)" >&2
    rm -f "$pidfile"
  fi
fi
# A killed daemon can also leave its containerd's pid file behind.
cpid=/var/run/docker/containerd/containerd.pid
if [ -f "$cpid" ] && ! kill -0 "$(cat "$cpid" 2>/dev/null || echo 0)" 2>/dev/null; then
  rm -f "$cpid"
fi

log=${DOCKERD_LOG:-/var/log/dockerd-ci.log}
nohup dockerd --pidfile "$pidfile" >"$log" 2>&1 </dev/null &
pid=$!
deadline=$((SECONDS + 60))
until timeout 5 docker info >/dev/null 2>&1; do
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "provision: dockerd exited during start; last log lines:" >&2
    tail -n 20 "$log" >&2
    exit 1
  fi
  if [ "$SECONDS" -ge "$deadline" ]; then
    echo "provision: dockerd did not answer within 60 s; last log lines:" >&2
    tail -n 20 "$log" >&2
    exit 1
  fi
  sleep 0.2 # poll interval; the loop is bounded by the deadline above
done
echo "started $pid"

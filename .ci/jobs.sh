#!/usr/bin/env bash
# Background steps of .ci/run: steps that wait on the network, the disk or an engine run side by
# side, each in its own process group with its output in a log file printed when it is joined.
#
# Usage (sourced):  job_start NAME COMMAND [ARGS...]   starts COMMAND in the background
#                   job_wait NAME                      waits for it, prints its log and its time,
#                                                      returns its exit status
#                   job_seconds NAME                   its duration, once joined
#                   jobs_kill                          ends the process groups of the jobs still
#                                                      running (.ci/run's exit trap)
# Functions of the calling script can be run with `job_start NAME bash -c 'fn ARGS'` once exported
# with `export -f fn`.

CI_LOG_DIR=${CI_LOG_DIR:-selftest/.out/ci}
declare -A JOB_PID=() JOB_START=() JOB_LOG=() JOB_SECONDS=()

job_slug() { printf '%s' "$1" | tr -c 'a-zA-Z0-9.\n' '-' | tr -s '-' | sed 's/-$//'; }

job_start() {
  local name=$1
  shift
  mkdir -p "$CI_LOG_DIR"
  local log
  log="$CI_LOG_DIR/$(job_slug "$name").log"
  # setsid: the job leads its own process group, so that jobs_kill ends it with its children.
  # The job writes the time it ended (epoch seconds) beside its log: its duration is its own, not
  # the time until it is joined.
  rm -f "$log.end"
  # It also writes its exit code there: a job joined long after it ended may no longer be known to
  # `wait` (bash forgets old background statuses: `wait` then says 127), and its code is kept.
  setsid bash -c 'end=$1; shift; "$@"; rc=$?; echo "$(date +%s) $rc" >"$end"; exit "$rc"' "$name" "$log.end" "$@" >"$log" 2>&1 </dev/null &
  JOB_PID[$name]=$!
  JOB_START[$name]=$(date +%s)
  JOB_LOG[$name]=$log
  printf '   started in the background: %s (log %s)\n' "$name" "$log"
}

job_wait() {
  local name=$1 rc=0
  [ -n "${JOB_PID[$name]:-}" ] || { echo "jobs: no job named '$name'" >&2; return 2; }
  # While it runs, a line every CI_HEARTBEAT_SECONDS (default 120) names the steps still running.
  local beat=${CI_HEARTBEAT_SECONDS:-120} next=$((SECONDS + ${CI_HEARTBEAT_SECONDS:-120}))
  while [ ! -f "${JOB_LOG[$name]}.end" ] && job_group_alive "${JOB_PID[$name]}"; do
    if [ "$SECONDS" -ge "$next" ]; then
      printf '   ... %s: still running: %s\n' "$(date +%T)" "$(jobs_running)"
      next=$((SECONDS + beat))
    fi
    sleep 1 # poll interval; the step itself is bounded by its own deadlines
  done
  wait "${JOB_PID[$name]}" || rc=$?
  unset "JOB_PID[$name]"
  local end recorded
  read -r end recorded <"${JOB_LOG[$name]}.end" 2>/dev/null || { end=$(date +%s); recorded=; }
  # The code the job wrote is its own; `wait`'s 127 only says bash no longer knew the job.
  if [ -n "$recorded" ]; then rc=$recorded; fi
  JOB_SECONDS[$name]=$((end - JOB_START[$name]))
  printf '\n-- %s: %s in %s s --\n' "$name" "$([ "$rc" -eq 0 ] && echo done || echo "FAILED (exit $rc)")" "${JOB_SECONDS[$name]}"
  cat "${JOB_LOG[$name]}"
  return "$rc"
}

job_seconds() { echo "${JOB_SECONDS[$1]:-0}"; }

# The steps not yet joined, each with its time so far: "name (N s), ...".
jobs_running() {
  local name now out=()
  now=$(date +%s)
  for name in "${!JOB_PID[@]}"; do
    [ -f "${JOB_LOG[$name]}.end" ] || out+=("$name ($((now - JOB_START[$name])) s)")
  done
  local joined
  joined=$(printf '%s, ' "${out[@]}")
  echo "${joined%, }"
}

# Whether a process of group PGID other than a zombie is still there.
job_group_alive() { ps -e -o pgid=,stat= | awk -v g="$1" '$1 == g && $2 !~ /^Z/ { found = 1 } END { exit !found }'; }

jobs_kill() {
  local name pid
  for name in "${!JOB_PID[@]}"; do
    pid=${JOB_PID[$name]}
    if job_group_alive "$pid"; then
      echo "jobs: ending the unfinished background step '$name' (process group $pid)" >&2
      kill -TERM -- "-$pid" 2>/dev/null || true
    fi
  done
  for name in "${!JOB_PID[@]}"; do
    pid=${JOB_PID[$name]}
    for _ in $(seq 1 100); do job_group_alive "$pid" || break; sleep 0.2; done # bounded: 20 s
    if job_group_alive "$pid"; then kill -KILL -- "-$pid" 2>/dev/null || true; fi
    wait "$pid" 2>/dev/null || true
  done
}

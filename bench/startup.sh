#!/usr/bin/env bash
# Each service's time to ready and resident memory when idle, on the suite that ./feedbackloop up runs: stops one
# service at a time and lets ./feedbackloop up start it again, then measures from the process's start (its start time
# in /proc) to its first ready answer (/q/health/ready, polled every 50 ms), and its resident memory 20 s later, idle
# (all of it, and its anonymous part: the ahead-of-time cache is a mapped file, shared and reclaimable).
# A service that has no ahead-of-time cache of its build yet records one on that start; it is started once more, from
# the cache, and that start is the one measured.
# Usage: bench/startup.sh   (appends to results/startup.txt; loopback only)
set -euo pipefail
# shellcheck source=common.sh
. "$(dirname "$0")/common.sh"
services=("feedback-service 8081" "action-service 8082" "notification-service 8083" "gateway 8080")
ticks_per_second=$(getconf CLK_TCK)

java_pid() { pgrep -f "$1/target/quarkus-app/quarkus-run.jar" | head -1; }
ready() { curl -fsS -o /dev/null --max-time 1 "http://127.0.0.1:$1/q/health/ready" 2>/dev/null; }
rss_mib() { awk '/^VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$1/status"; }
anonymous_mib() { awk '/^RssAnon/ { printf "%d", $2 / 1024 }' "/proc/$1/status"; } # less mapped files (the cache)

"$ROOT/feedbackloop" up >/dev/null
echo "== $(date -u +%FT%TZ) start-up: time from the process's start to ready, resident memory 20 s later (idle)" \
  | tee -a "$BENCH/results/startup.txt"
restart() { # restart <name> <port>: stops the service, lets ./feedbackloop up start it again; prints "<pid> <seconds>"
  local name=$1 port=$2 old pid launcher started
  old=$(java_pid "$name") || { echo "$name is not running" >&2; exit 1; }
  local recording
  recording=$(tr '\0' '\n' <"/proc/$old/cmdline" | sed -n 's/^-XX:AOTCacheOutput=//p')
  kill -TERM "$old"
  while kill -0 "$old" 2>/dev/null; do sleep 0.1; done
  if [[ -n $recording ]]; then # a run that recorded an ahead-of-time cache writes it as it exits: wait for it
    for _ in $(seq 1 600); do [[ -s $recording ]] && ! pgrep -f "AOTMode=create" >/dev/null && break; sleep 0.1; done
  fi
  "$ROOT/feedbackloop" up >"$WORK/logs/bench-startup.log" 2>&1 &
  launcher=$!
  until pid=$(java_pid "$name") && [[ $pid != "$old" ]]; do sleep 0.05; done
  started=$(awk -v t="$ticks_per_second" '{ print $22 / t }' "/proc/$pid/stat")
  until ready "$port"; do
    kill -0 "$pid" 2>/dev/null || { echo "$name stopped while starting: $WORK/logs/$name.log" >&2; exit 1; }
    sleep 0.05
  done
  echo "$pid $(awk -v s="$started" '{ printf "%.1f", $1 - s }' /proc/uptime)"
  wait "$launcher"
}

for entry in "${services[@]}"; do
  read -r name port <<<"$entry"
  read -r pid seconds < <(restart "$name" "$port")
  how="without an ahead-of-time cache (a JDK before 25)"
  if tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q AOTCacheOutput; then
    # this start records the cache (the build is new): once it has loaded what a start loads, start again from it
    echo "$name: ready $seconds s after its process started, recording its ahead-of-time cache" | tee -a "$BENCH/results/startup.txt"
    sleep 10
    read -r pid seconds < <(restart "$name" "$port")
  fi
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q -- "-XX:AOTCache=" && how="from its ahead-of-time cache"
  sleep 20
  rss=$(rss_mib "$pid")
  anonymous=$(anonymous_mib "$pid")
  echo "$name: ready $seconds s after its process started ($how); $rss MiB resident, idle, of which $anonymous MiB" \
    "anonymous (the rest: mapped files, the cache among them)" | tee -a "$BENCH/results/startup.txt"
  figure "start-up: $name ready after (s) · resident idle (MiB) · of which anonymous (MiB)" "$seconds · $rss · $anonymous"
done

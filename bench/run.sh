#!/usr/bin/env bash
# Bounded load test of feedback-service on loopback, against the suite that `./feedbackloop up` started.
#
#   bench/run.sh [seconds per run, default 30, at most 60] [connections, default 16]
#
# Each script first runs WARMUP seconds (default 15) unrecorded.
# Needs wrk (Debian: apt-get install wrk). Prints, and appends to bench/results/feedback-service.txt: the
# commands, throughput and latency of POST /api/feedback (distinct Idempotency-Keys) and GET /api/feedback,
# the service's RSS before and after, and the CPU seconds it, PostgreSQL and RabbitMQ spent per request (the machine
# is shared with the load generator, so CPU per request is the figure that carries over to a cluster).
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${1:-30}
CONNECTIONS=${2:-16}
WARMUP=${WARMUP:-15}
((DURATION <= 60)) || { echo "at most 60 s per run" >&2; exit 2; }
URL=http://127.0.0.1:8081
RESULTS=${RESULTS:-bench/results/feedback-service.txt}

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
curl -fsS -o /dev/null "$URL/q/health/ready" || { echo "feedback-service is not ready on $URL: ./feedbackloop up" >&2; exit 1; }
PID=$(ss -ltnpH "sport = :8081" | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -1)
[[ -n $PID ]] || { echo "no process listens on 8081" >&2; exit 1; }

token() {
  ./feedbackloop token "$1"
}
rss_mb() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$PID/status"; }
hwm_mb() { awk '/VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$PID/status"; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
ticks_of() { local sum=0; for p in $(pgrep -x "$1"); do sum=$((sum + $(cpu_ticks "$p"))); done; echo "$sum"; }
HZ=$(getconf CLK_TCK)

run() { # run <label> <lua script>
  local label=$1 script=$2 svc0 pg0 mq0 out requests
  svc0=$(cpu_ticks "$PID"); pg0=$(ticks_of postgres); mq0=$(ticks_of beam.smp)
  out=$(TOKEN=$(token alice) wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$script" "$URL")
  local svc=$(( $(cpu_ticks "$PID") - svc0 )) pg=$(( $(ticks_of postgres) - pg0 )) mq=$(( $(ticks_of beam.smp) - mq0 ))
  requests=$(sed -n 's/^ *\([0-9]*\) requests in.*/\1/p' <<<"$out")
  echo "### $label"
  echo "\$ TOKEN=<alice> wrk -t2 -c$CONNECTIONS -d${DURATION}s --latency -s $script $URL"
  grep -E 'Requests/sec|requests in|Latency  |non-2xx|p50|p90|p99|Socket errors' <<<"$out"
  awk -v s="$svc" -v p="$pg" -v m="$mq" -v r="$requests" -v hz="$HZ" -v d="$DURATION" 'BEGIN {
    printf "feedback-service CPU: %.1f s (%.2f cores), %.2f ms per request\n", s / hz, s / hz / d, 1000 * s / hz / r
    printf "PostgreSQL CPU: %.1f s (%.2f cores), %.2f ms per request\n", p / hz, p / hz / d, 1000 * p / hz / r
    printf "RabbitMQ CPU: %.1f s (%.2f cores), %.2f ms per request\n", m / hz, m / hz / d, 1000 * m / hz / r }'
  echo "RSS after: $(rss_mb) MiB (peak $(hwm_mb) MiB)"
  echo
}

warm_up() { # the JIT compiles the hot paths in the first seconds: keep them out of the figures
  TOKEN=$(token alice) wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" -s "$1" "$URL" >/dev/null
}

{
  warm_up bench/wrk/post-feedback.lua
  warm_up bench/wrk/get-feedback.lua
  echo "## $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(uname -r)"
  echo "feedback-service pid $PID: $(tr '\0' ' ' </proc/$PID/cmdline | cut -c1-120)"
  echo "RSS before: $(rss_mb) MiB"
  echo
  run "POST /api/feedback (new item each, distinct Idempotency-Key)" bench/wrk/post-feedback.lua
  run "GET /api/feedback?limit=20" bench/wrk/get-feedback.lua
} | tee -a "$RESULTS"

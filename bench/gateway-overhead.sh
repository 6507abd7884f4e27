#!/usr/bin/env bash
# What the gateway adds to a request: GET /api/feedback?limit=20 as alice, straight to feedback-service (8081) and
# through the gateway (8080), on the suite that `./feedbackloop up` started.
#
#   bench/gateway-overhead.sh [seconds per run, default 15, at most 60]
#
# Sequential runs (one connection, one request at a time) give the latency the gateway adds; they alternate
# direct / gateway twice, so that other load on the machine hits both alike. A 16-connection run each gives
# throughput and the gateway's CPU per request. The gateway's per-caller rate limit would stop a load test: start
# it for this with RATE_LIMIT_READ_BURST=1000000 RATE_LIMIT_READ_PER_SECOND=1000000 (./feedbackloop passes the
# environment on). Needs wrk (apt-get install wrk). Appends to bench/results/gateway-overhead.txt.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${1:-15}
((DURATION <= 60)) || { echo "at most 60 s per run" >&2; exit 2; }
DIRECT=http://127.0.0.1:8081
GATEWAY=http://127.0.0.1:8080
RESULTS=${RESULTS:-bench/results/gateway-overhead.txt}

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
for url in "$DIRECT" "$GATEWAY"; do
  curl -fsS -o /dev/null "$url/q/health/ready" || { echo "nothing ready on $url: ./feedbackloop up" >&2; exit 1; }
done
TOKEN=$(./feedbackloop token alice)
export TOKEN
limit=$(curl -fsS -o /dev/null -D - -H "Authorization: Bearer $TOKEN" "$GATEWAY/api/feedback?limit=1" \
  | sed -n 's/^RateLimit-Limit: *\([0-9]*\).*/\1/ip' | tr -d '\r')
((${limit:-0} >= 100000)) || { echo "the gateway limits reads to $limit per caller: restart it with RATE_LIMIT_READ_BURST=1000000 RATE_LIMIT_READ_PER_SECOND=1000000" >&2; exit 1; }
GATEWAY_PID=$(ss -ltnpH "sport = :8080" | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -1)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
HZ=$(getconf CLK_TCK)

run() { # run <label> <url> <connections>
  local out ticks0 requests
  ticks0=$(cpu_ticks "$GATEWAY_PID")
  out=$(wrk -t"$(( $3 > 1 ? 2 : 1 ))" -c"$3" -d"${DURATION}s" --latency -s bench/wrk/get-feedback.lua "$2")
  requests=$(sed -n 's/^ *\([0-9]*\) requests in.*/\1/p' <<<"$out")
  printf '%-32s %s\n' "$1, $3 conn:" "$(grep -E 'Requests/sec' <<<"$out" | tr -s ' ') | $(grep -E '^p(50|90|99)' <<<"$out" | tr '\n' ' ')$(grep -E 'non-2xx' <<<"$out")"
  if [[ $2 == "$GATEWAY" ]]; then
    awk -v t="$(( $(cpu_ticks "$GATEWAY_PID") - ticks0 ))" -v r="$requests" -v hz="$HZ" \
      'BEGIN { printf "%-32s %.2f ms CPU per request\n", "  gateway process:", 1000 * t / hz / r }'
  fi
}

warm_up() { wrk -t2 -c8 -d10s -s bench/wrk/get-feedback.lua "$1" >/dev/null; }

{
  warm_up "$DIRECT"
  warm_up "$GATEWAY"
  echo "## $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "\$ wrk --latency -d${DURATION}s -s bench/wrk/get-feedback.lua <url>   (GET /api/feedback?limit=20 as alice)"
  run "direct (8081)" "$DIRECT" 1
  run "gateway (8080)" "$GATEWAY" 1
  run "direct (8081)" "$DIRECT" 1
  run "gateway (8080)" "$GATEWAY" 1
  run "direct (8081)" "$DIRECT" 16
  run "gateway (8080)" "$GATEWAY" 16
  echo
} | tee -a "$RESULTS"

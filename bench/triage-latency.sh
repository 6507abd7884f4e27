#!/usr/bin/env bash
# Triage latency, end to end, on a running suite (./feedbackloop up): from POST /api/feedback answering 201
# to the action that tracks the feedback being visible in GET /api/actions?feedbackId=... (polled every 10 ms).
# Usage: bench/triage-latency.sh [samples]   (default 30; loopback only)
set -euo pipefail
samples=${1:-30}
token() { "$(dirname "$0")/../feedbackloop" token "$1"; }
customer=$(token alice)
manager=$(token maria)
now_ms() { date +%s%3N; }
results=()
for i in $(seq 1 "$samples"); do
  words=$(head -c 64 /dev/urandom | tr -dc 'a-z' | head -c 24)
  body="{\"text\":\"Latency probe $i $words: my invoice was wrong\",\"channel\":\"API\"}"
  id=$(curl -fsS -X POST http://localhost:8081/api/feedback -H "Authorization: Bearer $customer" \
    -H 'Content-Type: application/json' -d "$body" | sed -E 's/.*"id":"([^"]+)".*/\1/')
  start=$(now_ms)
  until curl -fsS -H "Authorization: Bearer $manager" "http://localhost:8082/api/actions?feedbackId=$id" | grep -q '"id"'; do
    sleep 0.01
    if (( $(now_ms) - start > 10000 )); then echo "sample $i: no action after 10 s" >&2; exit 1; fi
  done
  results+=($(( $(now_ms) - start )))
done
sorted=$(printf '%s\n' "${results[@]}" | sort -n)
pick() { sed -n "$(( ($1 * samples + 99) / 100 ))p" <<<"$sorted"; }
echo "triage latency over $samples samples (ms, POST 201 → action visible): min $(head -1 <<<"$sorted")" \
  "p50 $(pick 50) p90 $(pick 90) p99 $(pick 99) max $(tail -1 <<<"$sorted")"

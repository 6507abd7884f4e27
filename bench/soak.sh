#!/usr/bin/env bash
# Soak: does anything grow without bound when the suite runs for a long time under a steady load? On the suite of
# ./feedbackloop up (started if the gateway is not ready), Gatling (bench/load's SubmissionsSimulation) submits RATE
# items per second for MINUTES minutes straight to feedback-service, each with its own contact address, as
# loop-burst.sh does (alice's token, renewed every 2 minutes: it lives 5). The default, 12 per second, is 50% of the
# rate at which the loop closed behind a burst (24.4 items per second, results/harness.md, RESULTS.md). Beside it,
# bench/load's SoakSampler records every 10 s into results/soak/samples.csv: each service's resident memory, heap used
# and heap after GC, threads and open file descriptors; PostgreSQL connections to each database, RabbitMQ connections
# and channels; the messages ready in each queue and each outbox's backlog; the size of each database and table; the
# run's items submitted and e-mails sent. At the end, SoakReport draws them (results/soak/memory.svg, threads.svg,
# connections.svg, queues.svg, sizes.svg) and judges each series: it grows when the median of the last third of the
# load is more than 10% and more than a floor above the median of the middle third (sizes, which grow with the data:
# per 1,000 items). FAIL when a series grows, when a submission failed, when the queues and outboxes are not empty
# 2 minutes after the load stopped, or when a service's log (.work/logs/<service>.log) gained an ERROR line.
# Usage: bench/soak.sh [minutes] [rate]   (default 30 12; loopback only; appends the table and the verdict to
# results/soak.txt; exits 0 on PASS, 1 on FAIL)
set -euo pipefail
minutes=${1:-30}
rate=${2:-12}
seconds=$(( minutes * 60 ))
items=$(( rate * seconds ))
# shellcheck source=common.sh
. "$(dirname "$0")/common.sh"
SERIES=${BENCH_SERIES:-$BENCH/results/soak}
services=(feedback-service action-service notification-service gateway)
queues=(action-service.feedback-service notification-service.feedback-service notification-service.action-service
  feedback-service.action-service feedback-service.notification-service)
say() { printf '\033[1m==>\033[0m %s\n' "$*"; }

if [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 5 http://localhost:8080/q/health/ready || true) != 200 ]]; then
  say "starting the suite (./feedbackloop up)"
  "$ROOT/feedbackloop" up >"$WORK/logs/soak-up.log" 2>&1 || { tail -20 "$WORK/logs/soak-up.log" >&2; exit 1; }
fi
"$ROOT/mvnw" -B -q -f "$BENCH/load/pom.xml" test-compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
load_java() { java -cp "$BENCH/load/target/classes:$(cat "$BENCH/load/target/classpath.txt")" "org.feedbackloop.bench.load.$1" "${@:2}"; }
mkdir -p "$SERIES"
run=$(date +%s)
token="$WORK/soak-token"
renew_token() { "$ROOT/feedbackloop" token alice >"$token.new" 2>>"$WORK/logs/soak-token.log" && mv -f "$token.new" "$token"; }
renew_token || { echo "no token for alice (see .work/logs/soak-token.log)" >&2; exit 1; }
sampler="" renewer=""
finish() { # stops what this script started in the background
  touch "$SERIES/samples.csv.stop"
  if [[ -n $sampler ]]; then
    for _ in $(seq 1 50); do kill -0 "$sampler" 2>/dev/null || break; sleep 0.2; done
    kill "$sampler" 2>/dev/null && echo "the sampler did not stop by itself: $(tail -3 "$WORK/soak-sampler.log")" >&2
    wait "$sampler" 2>/dev/null || true
  fi
  [[ -n $renewer ]] && { kill "$renewer" 2>/dev/null || true; wait "$renewer" 2>/dev/null || true; }
  rm -f "$SERIES/samples.csv.stop" "$token" "$token.new"
}
trap finish EXIT
( renewed=$SECONDS
  while sleep 5; do (( SECONDS - renewed < 120 )) && continue; renew_token || true; renewed=$SECONDS; done ) &
renewer=$!

# autovacuum is off on this machine's PostgreSQL: start without the dead rows of earlier runs, as loop-burst.sh does
for database in feedback actions notifications; do vacuumdb -h 127.0.0.1 -U postgres --analyze --quiet -d "$database"; done
errors_in() { # ERROR lines in a service's log so far (JSON or plain)
  grep -cE '"level":"ERROR"|^[0-9-]+ [0-9:,.]+ +ERROR ' "$WORK/logs/$1.log" 2>/dev/null || true
}
declare -A errors_before
for service in "${services[@]}"; do errors_before[$service]=$(errors_in "$service"); done

rm -f "$SERIES/samples.csv.stop"
load_java SoakSampler "$SERIES/samples.csv" "$run" 10 $(( seconds + 900 )) "${queues[@]}" 2>"$WORK/soak-sampler.log" &
sampler=$!
started_at=$(date -u +%FT%TZ)
say "soak: $rate submissions/s for $minutes minutes ($items items, run $run); samples every 10 s in ${SERIES#"$ROOT"/}/samples.csv"
gatling_log="$BENCH/load/target/gatling-soak.log"
gatling_status=0
"$ROOT/mvnw" -B -q -f "$BENCH/load/pom.xml" gatling:test \
  -Dgatling.simulationClass=org.feedbackloop.bench.load.SubmissionsSimulation \
  -Dbench.tokenFile="$token" -Dbench.run="$run" -Dbench.rate="$rate" -Dbench.seconds="$seconds" \
  >"$gatling_log" 2>&1 || gatling_status=$?
load_end=$(date +%s)
read -r requests ok ko < <(awk -F'|' '{ gsub(/,/, "") } /^> request count/ { n = $2; ok = $3; ko = $4 }
  END { gsub(/ /, "", n); gsub(/ /, "", ok); gsub(/ /, "", ko); if (ko == "-") ko = 0
        printf "%d %d %d\n", n, ok, ko }' "$gatling_log")
latency=$(awk -F'|' '/^> response time (50th|99th) percentile/ { gsub(/[ ,]/, "", $2); v = v (v == "" ? "" : " / ") $2 }
  END { print v }' "$gatling_log")

say "load stopped; waiting at most 2 minutes for the queues and outboxes to empty"
drained_at() { # the epoch of the first sample after the load in which every queue and outbox is empty
  awk -F, -v after="$load_end" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i ~ /^(queue|outbox) /) c[i] = 1; next }
    $1 >= after { empty = 1; for (i in c) if ($i == "" || $i + 0 > 0) empty = 0; if (empty) { print $1; exit } }' \
    "$SERIES/samples.csv"
}
drained=""
until drained=$(drained_at) && [[ -n $drained ]]; do
  (( $(date +%s) - load_end > 130 )) && break   # the sample at 2 minutes, written within 10 s
  sleep 2
done
if [[ -n $drained ]] && (( drained - load_end <= 120 )); then
  drain_line="empty $(( drained - load_end )) s after the load stopped (sampled every 10 s)"
else
  drained="" drain_line="NOT empty 2 minutes after the load stopped"
fi
sleep 10   # a last sample at rest
finish
trap - EXIT

error_line="" new_errors=0
for service in "${services[@]}"; do
  after=$(errors_in "$service") before=${errors_before[$service]:-0}
  (( ${after:-0} < ${before:-0} )) && before=0   # the log began again (the service restarted)
  gained=$(( ${after:-0} - ${before:-0} ))
  new_errors=$(( new_errors + gained ))
  error_line+=" $service $gained"
done

report_status=0
report=$(load_java SoakReport "$SERIES/samples.csv" "$SERIES" 2>&1) || report_status=$?
failures=()
(( gatling_status == 0 && ko == 0 && requests > 0 )) || failures+=("submissions failed ($ko of $requests; Gatling exit $gatling_status, see ${gatling_log#"$ROOT"/})")
(( report_status == 0 )) || failures+=("a series grows (or too few samples)")
[[ -n $drained ]] || failures+=("queues or outboxes not empty 2 minutes after the load")
(( new_errors == 0 )) || failures+=("$new_errors ERROR lines in the services' logs")
verdict=PASS
(( ${#failures[@]} == 0 )) || verdict="FAIL: $(IFS=';'; echo "${failures[*]}" | sed 's/;/; /g')"
{
  echo "== $started_at soak: $rate submissions/s for $minutes minutes = $items items (run $run)"
  echo "  submissions: $requests sent, $ok answered 201, $ko failed; p50 / p99 $latency ms (Gatling report: $(ls -dt "$BENCH"/load/target/gatling/*/ 2>/dev/null | head -1 | sed "s|^$ROOT/||")index.html)"
  echo "  queues and outboxes: $drain_line"
  echo "  ERROR lines gained in the services' logs:$error_line"
  echo "$report" | sed 's/^/  /'
  echo "  samples and plots: ${SERIES#"$ROOT"/}/ (samples.csv; memory, threads, connections, queues, sizes .svg)"
  echo "verdict: $verdict"
} | tee -a "$BENCH/results/soak.txt"
[[ $verdict == PASS ]]

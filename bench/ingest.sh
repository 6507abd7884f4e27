#!/usr/bin/env bash
# Ingest through the gateway with real tokens, on the suite that ./feedbackloop up runs: the bench client (an
# integrator whose rate quota the launcher gives the gateway; the production defaults are untouched) submits as many
# items as it can (USERS clients one after the other for SECONDS), then at 50% and 90% of that rate (open loop), and
# Gatling loads the gateway's liveness endpoint at the 90% rate: the same generator's floor, a trivial reactive
# Quarkus endpoint on the same machine. The items carry no contact address (no e-mail is due), but the loop behind
# them runs: the suite works them off for a while after this script ends. Gatling's HTML reports stay in
# load/target/gatling/.
# Usage: bench/ingest.sh [users] [seconds]   (default 32 15; appends to results/ingest.txt; loopback only)
set -euo pipefail
users=${1:-32}
seconds=${2:-15}
# shellcheck source=common.sh
. "$(dirname "$0")/common.sh"
token=$("$ROOT/feedbackloop" token --bench)
run=$(date +%s)
"$ROOT/mvnw" -B -q -f "$BENCH/load/pom.xml" test-compile

gatling() { # gatling <label> <-Dbench.* ...>: runs IngestSimulation; prints "rps p50 p95 p99 ok ko" and the report
  local log="$BENCH/load/target/ingest-$1.log"
  "$ROOT/mvnw" -B -q -f "$BENCH/load/pom.xml" gatling:test -Dgatling.simulationClass=org.feedbackloop.bench.load.IngestSimulation \
    -Dbench.url=http://localhost:8080 -Dbench.token="$token" -Dbench.run="$run" "${@:2}" >"$log" 2>&1 || true
  awk -F'|' '
    { gsub(/,/, "") } # Gatling writes 1,190
    /^> request count/ { ok = $3; ko = $4 }
    /^> response time 50th/ { p50 = $2 } /^> response time 95th/ { p95 = $2 } /^> response time 99th/ { p99 = $2 }
    /^> mean throughput/ { rps = $2 }
    END { gsub(/ /, "", ok); gsub(/ /, "", ko); if (ko == "-") ko = 0
          printf "%.0f %d %d %d %d %d\n", rps, p50, p95, p99, ok, ko }' "$log"
}

read -r most _ _ _ most_ok most_ko < <(gatling most -Dbench.mode=most -Dbench.users="$users" -Dbench.seconds="$seconds")
(( most > 0 )) || { echo "no submission went through: $BENCH/load/target/ingest-most.log" >&2; exit 1; }
{
  echo "== $(date -u +%FT%TZ) ingest through the gateway (bench client; run $run)"
  echo "the most: $users clients one after the other for $seconds s: $most submissions per second ($most_ok answered 201, $most_ko otherwise)"
} | tee -a "$BENCH/results/ingest.txt"
figure "ingest: the most through the gateway ($users clients, $seconds s), submissions/s" "$most"
for share in 50 90; do
  rate=$(( most * share / 100 ))
  read -r rps p50 p95 p99 ok ko < <(gatling "rate-$share" -Dbench.mode=rate -Dbench.rate="$rate" -Dbench.seconds="$seconds")
  echo "at $share% ($rate/s for $seconds s): $rps per second, p50 / p95 / p99 $p50 / $p95 / $p99 ms, $ok answered 201, $ko otherwise" \
    | tee -a "$BENCH/results/ingest.txt"
  figure "ingest: at $share% of the most ($rate/s), p50 / p95 / p99 ms (errors)" "$p50 / $p95 / $p99 ($ko)"
done
read -r rps p50 p95 p99 ok ko < <(gatling trivial -Dbench.mode=trivial -Dbench.rate="$rate" -Dbench.seconds="$seconds")
echo "ceiling, the gateway's liveness endpoint at $rate/s: p50 / p95 / p99 $p50 / $p95 / $p99 ms ($ko failed)" \
  | tee -a "$BENCH/results/ingest.txt"
figure "ceiling: a trivial endpoint (the gateway's liveness) at $rate/s, p50 / p95 / p99 ms" "$p50 / $p95 / $p99"

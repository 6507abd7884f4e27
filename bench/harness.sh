#!/usr/bin/env bash
# The benchmark harness: every figure of bench/RESULTS.md in one run, each beside the ceiling of its part measured in
# the same run, on the suite that ./feedbackloop up runs (it starts it if needed). In order:
#   1. the ceilings: pgbench single-row inserts, RabbitMQ PerfTest with confirms, the mail sink (ceilings/ceilings.sh);
#   2. the loop behind a burst (loop-burst.sh, after a warm-up burst): items closed per second, the lag to the
#      acknowledgement and to "now tracked", CPU per closed item for each process and the machine, queue depths and
#      memory over time with their plots (results/burst/); then at half the rate it closed (results/burst-half/);
#   3. "you said, we did" to 50 contributors (you-said-we-did.sh);
#   4. what people read with 1,000,000 items and 120,000 actions, with the plans (understanding.sh queries; the
#      first run loads those databases, about 5 minutes);
#   5. ingest through the gateway with the bench client's token, and a trivial endpoint under the same generator
#      (ingest.sh); then it waits until the suite has worked off what was submitted;
#   6. each service's time to ready and resident memory idle (startup.sh): last, since it restarts every service.
# Writes the run's table at the top of results/harness.md (earlier runs stay below it) and each script's raw block
# to its own file in results/. Loopback only; every load is bounded in count and time.
# Usage: bench/harness.sh
set -euo pipefail
# shellcheck source=common.sh
. "$(dirname "$0")/common.sh"
say() { printf '\033[1m==>\033[0m %s\n' "$*"; }
step_name="" step_began=$SECONDS
step() { # step <title>: ends the step before (its seconds go into the table) and begins the next
  if [[ -n $step_name ]]; then figure "harness: $step_name, seconds" "$(( SECONDS - step_began ))"; fi
  step_name=$1 step_began=$SECONDS
  [[ -n $1 ]] && say "$1"
  return 0
}
export BENCH_FIGURES="$WORK/harness-figures.tsv"
: >"$BENCH_FIGURES"
begun=$SECONDS
started_at=$(date -u +%FT%TZ)

step "the suite (./feedbackloop up)"
"$ROOT/feedbackloop" up >"$WORK/logs/harness-up.log" 2>&1 || { tail -20 "$WORK/logs/harness-up.log" >&2; exit 1; }

step "1/6 ceilings"
ceilings=("PostgreSQL: $(pgbench_ceiling)" "RabbitMQ: $(broker_ceiling)" "mail sink: $(smtp_ceiling)")
printf '  %s\n' "${ceilings[@]}"
for line in "${ceilings[@]}"; do figure "ceiling: ${line%%:*}" "${line#*: }"; done
BENCH_CEILINGS=$(printf '%s\n' "${ceilings[@]}")
export BENCH_CEILINGS

step "2/6 the loop behind a burst faster than it closes, after a warm-up (the JIT compiles the hot paths first)"
BENCH_FIGURES="" BENCH_LOOP_RESULTS="$WORK/warm-up.txt" BENCH_SERIES="$WORK/warm-up" "$BENCH/loop-burst.sh" 10 60 >/dev/null
"$BENCH/loop-burst.sh" 80 10
closed=$(awk -F'\t' '/^loop: items closed per second/ { v = $2 } END { print int(v) }' "$BENCH_FIGURES")
half=$(( closed > 1 ? closed / 2 : 1 ))
say "    and at half the rate it closed: $half per second for 30 s"
BENCH_SERIES="$BENCH/results/burst-half" "$BENCH/loop-burst.sh" "$half" 30

step "3/6 \"you said, we did\" to 50 contributors"
"$BENCH/you-said-we-did.sh" 50 3

step "4/6 what people read with 1,000,000 items"
"$BENCH/understanding.sh" queries

step "5/6 ingest through the gateway"
"$BENCH/ingest.sh" 32 10
say "    (waiting until the suite has worked off what was submitted: at most 10 minutes)"
pending="select count(*) from outbox_event where published_at is null"
quiet=0
for _ in $(seq 1 600); do # done when no outbox has held an event for 10 s and the machine's load has fallen
  busy=0
  for database in feedback actions notifications; do
    busy=$(( busy + $(psql -h 127.0.0.1 -U postgres -d "$database" -Atc "$pending") ))
  done
  if (( busy == 0 )); then quiet=$(( quiet + 1 )); else quiet=0; fi
  (( quiet >= 10 )) && awk '{ exit !($1 < 1.5) }' /proc/loadavg && break
  sleep 1
done

step "6/6 start-up: each service stopped and started again, one at a time"
"$BENCH/startup.sh"
step ""

minutes=$(awk -v s=$(( SECONDS - begun )) 'BEGIN { printf "%.1f", s / 60 }')
table=$(mktemp)
{
  echo "## Run of $started_at ($minutes minutes)"
  echo
  echo "| figure | value |"
  echo "|---|---|"
  awk -F'\t' '{ printf "| %s | %s |\n", $1, $2 }' "$BENCH_FIGURES"
  echo
  echo "Plots of the burst: [throughput](burst/throughput.svg), [lag](burst/lag.svg), [queues](burst/queues.svg);"
  echo "at half its rate: [throughput](burst-half/throughput.svg), [lag](burst-half/lag.svg), [queues](burst-half/queues.svg);"
  echo "raw blocks: startup.txt, loop-burst.txt, you-said-we-did.txt, understanding-scale.txt, scale-plans.txt, ingest.txt."
  echo
} >"$table"
if [[ -f $BENCH/results/harness.md ]]; then
  { head -2 "$BENCH/results/harness.md"; cat "$table"; tail -n +3 "$BENCH/results/harness.md"; } >"$table.all"
else
  { echo "# Runs of bench/harness.sh, newest first"; echo; cat "$table"; } >"$table.all"
fi
mv "$table.all" "$BENCH/results/harness.md"
rm -f "$table"
say "done in $minutes minutes: bench/results/harness.md"

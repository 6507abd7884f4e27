#!/usr/bin/env bash
# How fast the loop closes behind a burst, on a running suite (./feedbackloop up). Gatling (bench/load) submits
# RATE items per second for SECONDS seconds straight to feedback-service, each with its own contact address; then we
# wait until every item has been acknowledged and told "now tracked" by e-mail (2 e-mails each, counted in
# notification-service's database). Prints the submissions' latency (Gatling; its HTML report is kept), how long the
# loop took to close (first item created to last e-mail sent), items closed per second, the lag from an item's
# creation to its acknowledgement e-mail (p50/p99), and the CPU each process spent per item: the whole machine's
# figure leaves out the load generator's own processes (Maven and Gatling), measured apart. First, in the same run, the
# ceilings of the parts (bench/ceilings/ceilings.sh): PostgreSQL inserts, the broker, and the mail sink.
# Usage: bench/loop-burst.sh [rate] [seconds]   (default 20 15; loopback only; appends to results/loop-burst.txt, or
# to $BENCH_LOOP_RESULTS; the time series and their plots go to results/burst/, or to $BENCH_SERIES)
set -euo pipefail
rate=${1:-20}
seconds=${2:-15}
items=$(( rate * seconds ))
# shellcheck source=common.sh
. "$(dirname "$0")/common.sh"
run=$(date +%s)
customer=$("$ROOT/feedbackloop" token alice)
sql() { psql -h 127.0.0.1 -U postgres -d "$1" -Atc "$2"; }
now_ms() { date +%s%3N; }

# CPU ticks (1/100 s) so far: the whole machine's busy time, and each process of the loop
machine_busy() { awk '/^cpu /{print $2+$3+$4+$7+$8}' /proc/stat; }
ticks_of() { # ticks_of <pattern for the command line>: summed over the matching processes
  local total=0 pid
  for pid in $(pgrep -f "$1" || true); do
    [[ -r /proc/$pid/stat ]] || continue
    total=$(( total + $(awk '{print $14+$15}' "/proc/$pid/stat" 2>/dev/null || echo 0) ))
  done
  echo "$total"
}
parts=(feedback-service action-service notification-service postgres beam.smp greenmail)
snapshot() { local part; for part in "${parts[@]}"; do printf '%s ' "$(ticks_of "$part")"; done; machine_busy; }

"$ROOT/mvnw" -B -q -f "$BENCH/load/pom.xml" test-compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
load_java() { java -cp "$BENCH/load/target/classes:$(cat "$BENCH/load/target/classpath.txt")" "org.feedbackloop.bench.load.$1" "${@:2}"; }
SERIES=${BENCH_SERIES:-$BENCH/results/burst}   # the time series of the latest run (CSV) and their plots (SVG)
mkdir -p "$SERIES"
queues=(action-service.feedback-service notification-service.feedback-service notification-service.action-service
  feedback-service.action-service feedback-service.notification-service)
if [[ -n ${BENCH_CEILINGS:-} ]]; then   # bench/harness.sh measured them at the start of its run
  mapfile -t ceilings <<<"$BENCH_CEILINGS"
else
  ceilings=("PostgreSQL: $(pgbench_ceiling)" "RabbitMQ: $(broker_ceiling)" "mail sink: $(smtp_ceiling)")
fi
# autovacuum is off on this machine's PostgreSQL: without this, every run would pay for the dead rows of the last
for database in feedback actions notifications; do vacuumdb -h 127.0.0.1 -U postgres --analyze --quiet -d "$database"; done

rm -f "$SERIES/samples.csv.stop"
load_java Sampler "$SERIES/samples.csv" "$run" 900 "${queues[@]}" 2>"$WORK/sampler.log" &
sampler=$!
proc_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo 0; }
until sampler_java=$(pgrep -f "bench.load.Sampler $SERIES/samples.csv"); do sleep 0.1; done
before=($(snapshot))
sampler_before=$(proc_ticks "$sampler_java")
children_ticks() { awk '{print $16 + $17}' "/proc/$$/stat"; } # CPU of this script's finished children, 1/100 s
client_before=$(children_ticks)
"$ROOT/mvnw" -B -q -f "$BENCH/load/pom.xml" gatling:test \
  -Dgatling.simulationClass=org.feedbackloop.bench.load.SubmissionsSimulation \
  -Dbench.token="$customer" -Dbench.run="$run" -Dbench.rate="$rate" -Dbench.seconds="$seconds" \
  > "$BENCH/load/target/gatling-run.log" 2>&1 || { cat "$BENCH/load/target/gatling-run.log" >&2; exit 1; }
client_ticks=$(( $(children_ticks) - client_before ))
started=$(now_ms)

count_sent="select count(*) from notification where channel = 'EMAIL' and status = 'SENT' and email like 'burst-$run-%'"
expected=$(( 2 * items ))
until (( $(sql notifications "$count_sent") >= expected )); do
  if (( $(now_ms) - started > 600000 )); then echo "not every e-mail sent within 10 minutes" >&2; break; fi
  sleep 0.5
done
after=($(snapshot))
sampler_ticks=$(( $(proc_ticks "$sampler_java") - sampler_before ))
sleep 2   # a last sample or two at rest
touch "$SERIES/samples.csv.stop"
for _ in $(seq 1 50); do kill -0 "$sampler" 2>/dev/null || break; sleep 0.2; done
kill "$sampler" 2>/dev/null && echo "the sampler did not stop by itself: $(tail -3 "$WORK/sampler.log")" >&2
wait "$sampler" || true
rm -f "$SERIES/samples.csv.stop"
psql -h 127.0.0.1 -U postgres -d notifications -X --csv -c "
  with first as (select min(received_at) as at from contribution where contact_email like 'burst-$run-%'),
  lags as (select floor(extract(epoch from c.received_at - first.at)) as second, n.kind,
                  extract(epoch from n.sent_at - c.received_at) as lag
           from notification n join contribution c on c.feedback_id = n.feedback_ids[1], first
           where n.channel = 'EMAIL' and n.status = 'SENT' and n.email like 'burst-$run-%'
             and n.kind in ('ACKNOWLEDGED', 'TRACKED'))
  select second,
         round(percentile_cont(0.5) within group (order by lag) filter (where kind = 'ACKNOWLEDGED')::numeric, 3) as ack_p50,
         round(max(lag) filter (where kind = 'ACKNOWLEDGED')::numeric, 3) as ack_max,
         round(percentile_cont(0.5) within group (order by lag) filter (where kind = 'TRACKED')::numeric, 3) as tracked_p50,
         round(max(lag) filter (where kind = 'TRACKED')::numeric, 3) as tracked_max
  from lags group by second order by second" > "$SERIES/lag.csv"
load_java Plots "$SERIES/samples.csv" "$SERIES/lag.csv" "$SERIES" || echo "no plots of this run (see above)" >&2

closed=$(sql notifications "$count_sent")
span_ms=$(sql notifications "select round(extract(epoch from
    (select max(sent_at) from notification where channel = 'EMAIL' and status = 'SENT' and email like 'burst-$run-%')
  - (select min(received_at) from contribution where contact_email like 'burst-$run-%')) * 1000)::bigint")
lag_of() { # lag_of <kind>: "p50 / p99" in ms, from an item's creation to its e-mail of that kind
  sql notifications "select string_agg(round(v)::text, ' / ') from unnest((select percentile_cont(array[0.5, 0.99])
      within group (order by extract(epoch from n.sent_at - c.received_at) * 1000)
    from notification n join contribution c on c.feedback_id = n.feedback_ids[1]
    where n.kind = '$1' and n.channel = 'EMAIL' and n.email like 'burst-$run-%')) v"
}
lags=$(lag_of ACKNOWLEDGED)
tracked_lags=$(lag_of TRACKED)
# the most messages that waited in any one queue, and each service's largest resident memory, over the run
peaks=$(awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) name[i] = $i; next }
  { for (i = 5; i <= NF; i++) if ($i != "" && $i + 0 > max[i]) max[i] = $i + 0 }
  END { q = 0; for (i in name) if (name[i] ~ /^queue / && max[i] > q) q = max[i];
        printf "most messages ready in one queue: %d; largest resident memory, MiB:", q;
        for (i = 5; i <= NF; i++) if (name[i] ~ /^rss MiB /) printf " %s %d", substr(name[i], 9), max[i] }' "$SERIES/samples.csv")
report=$(ls -dt "$BENCH"/load/target/gatling/*/ | head -1)
per_second=$(awk -v n="$items" -v ms="$span_ms" 'BEGIN { printf "%.1f", n / (ms / 1000) }')
cpu_line="CPU ms per item:"
for i in "${!parts[@]}"; do
  cpu_line+=" ${parts[$i]} $(awk -v d=$(( after[i] - before[i] )) -v n="$items" 'BEGIN { printf "%.1f", d * 10 / n }')"
done
last=${#parts[@]}
machine=$(awk -v d=$(( after[last] - before[last] )) -v c=$(( client_ticks + sampler_ticks )) -v n="$items" \
  'BEGIN { printf "%.1f", (d - c) * 10 / n }')
mail_ceiling=$(printf '%s\n' "${ceilings[@]}" | sed -n 's/^mail sink: \([0-9.]*\) messages per second.*/\1/p')
sink_share=$(awk -v p="$per_second" -v m="${mail_ceiling:-0}" \
  'BEGIN { if (m > 0) printf "%.0f%% of the mail sink ceiling at 2 e-mails per item", 200 * p / m; else print "mail sink not measured" }')
{
  echo "== $(date -u +%FT%TZ) loop burst: $rate submissions/s for $seconds s = $items items (run $run)"
  printf '  ceiling, %s\n' "${ceilings[@]}"
  grep -E "^> (request count|min|max|mean|std|response time (50|95|99)th)|^> failed" "$BENCH/load/target/gatling-run.log" \
    | sed 's/^> /  submissions: /' | tr -s ' ' || true
  echo "  Gatling report: ${report#"$ROOT"/}index.html"
  echo "$closed of $expected e-mails sent; from the first item created to the last e-mail: $span_ms ms"
  echo "items closed per second: $per_second (e-mails: $(awk -v p="$per_second" 'BEGIN { printf "%.1f", 2 * p }') per second, $sink_share)"
  echo "acknowledgement e-mail after the item was created, ms (p50 / p99): $lags"
  echo "\"now tracked\" e-mail after the item was created, ms (p50 / p99): $tracked_lags"
  echo "$peaks (time series and plots: ${SERIES#"$ROOT"/}/)"
  echo "$cpu_line; whole machine less the load generator and the sampler $machine"
} | tee -a "${BENCH_LOOP_RESULTS:-$BENCH/results/loop-burst.txt}"
at="$items items at $rate/s"
figure "loop: items closed per second ($at, $closed of $expected e-mails; $sink_share)" "$per_second"
figure "loop ($at): acknowledgement e-mail after the item was created, p50 / p99 (ms)" "$lags"
figure "loop ($at): \"now tracked\" e-mail after the item was created, p50 / p99 (ms)" "$tracked_lags"
figure "loop ($at): CPU ms per closed item, whole machine less the load generator and the sampler" "$machine"
figure "loop ($at): ${cpu_line}" ""
figure "loop ($at): $peaks" ""

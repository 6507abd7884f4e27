#!/usr/bin/env bash
# How well and how fast the suite understands feedback.
#
#   bench/understanding.sh quality   the labelled sets (about a minute): grouping of paraphrases, topics, sentiment on the
#                                    public UCI sentences held out by site; writes bench/results/understanding-quality.md
#   bench/understanding.sh scale     triage and submissions with 1,000,000 feedback items and 100,000 open actions
#                                    loaded (the first run loads them: about 10 minutes); appends to
#                                    bench/results/understanding-scale.txt
#   bench/understanding.sh queries   only what people read at that scale (lists, searches, counts) and their plans,
#                                    bench/results/scale-plans.txt
#   bench/understanding.sh submissions  only the comparison of submission latency with and without the model (after scale)
#   bench/understanding.sh train     trains what feedback-service ships (sentiment weights, feedback space) again
#
# It starts what it needs with ./feedbackloop infra, and for "scale" runs feedback-service and action-service on ports
# 18081 and 18082 against databases feedback_bench and actions_bench and the virtual host feedbackloop-bench, apart from
# the suite of ./feedbackloop up. Loopback only; every load is bounded in count.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH="$ROOT/bench/understanding"
RESULTS="$ROOT/bench/results"
WORK="$ROOT/.work"
LOGS="$WORK/logs"
mkdir -p "$RESULTS" "$LOGS"
# shellcheck source=../scripts/lib/jdk.sh
. "$ROOT/scripts/lib/jdk.sh"
# shellcheck source=ceilings/ceilings.sh
. "$ROOT/bench/ceilings/ceilings.sh"
say() { printf '\033[1m==>\033[0m %s\n' "$*"; }
die() { printf '\033[31mERROR:\033[0m %s\n' "$*" >&2; exit 1; }

build() { # the services' classes and this bench's classpath
  "$ROOT/mvnw" -B -q -pl bench/understanding -am install -DskipTests "$@"
  "$ROOT/mvnw" -B -q -pl bench/understanding dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
}

bench_java() { # bench_java <main class> <args...>
  java --enable-native-access=ALL-UNNAMED -Dbench.work="$BENCH/target" -Dbench.data="$BENCH/data" \
    -Dfeedback.sample="$ROOT/feedback-service/src/test/resources/analysis/sentiment-sample.tsv" \
    -cp "$BENCH/target/classes:$(cat "$BENCH/target/classpath.txt")" "org.feedbackloop.bench.understanding.$1" "${@:2}"
}

quality() {
  build
  say "measuring grouping, topics and sentiment on the labelled sets"
  DJL_CACHE_DIR="$WORK/djl" bench_java Evaluate "$RESULTS/understanding-quality.md"
  say "written: bench/results/understanding-quality.md"
}

train() {
  build
  DJL_CACHE_DIR="$WORK/djl" bench_java Train "$ROOT/feedback-service/src/main/resources"
  say "retrained; git diff feedback-service/src/main/resources/analysis shows what changed"
}

# --- scale ---------------------------------------------------------------------------------------

# Submissions per second in the latency comparison: about half of what feedback-service takes on this machine with
# the model reading each item (the comparison is of latency at a load it sustains, not of the maximum).
SUBMIT_RATE=${SUBMIT_RATE:-80}

PIDS=()
stop_services() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  PIDS=()
}
trap stop_services EXIT

start_service() { # start_service <module> <port> <database> [VAR=value...]
  local module=$1 port=$2 db=$3
  env "${@:4}" QUARKUS_PROFILE=prod HTTP_PORT="$port" HTTP_HOST=127.0.0.1 DB_NAME="$db" DB_USER="$db" DB_PASSWORD="$db" \
    RABBITMQ_PASSWORD=guest RABBITMQ_VHOST=feedbackloop-bench CURSOR_SECRET=bench-cursor-secret \
    OTEL_TRACES_SAMPLER=always_off LOG_JSON=false ACCESS_LOG=false DJL_CACHE_DIR="$WORK/djl" \
    java -Xmx256m --enable-native-access=ALL-UNNAMED -XX:ThreadPriorityPolicy=1 -XX:JavaPriority1_To_OSPriority=19 -jar "$ROOT/$module/target/quarkus-app/quarkus-run.jar" \
    >>"$LOGS/bench-$module.log" 2>&1 &
  PIDS+=($!)
  local started=$SECONDS
  until curl -fsS -o /dev/null "http://127.0.0.1:$port/q/health/ready" 2>/dev/null; do
    ((SECONDS - started < 180)) || die "$module did not get ready (log: $LOGS/bench-$module.log)"
    sleep 0.5
  done
  say "$module ready on :$port in $((SECONDS - started)) s, $(rss "$port") MiB resident"
}

rss() { # resident memory of the java process listening on a port, in MiB
  local pid; pid=$(ss -ltnpH "sport = :$1" 2>/dev/null | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -1)
  [[ -n $pid ]] && echo $(( $(awk '/VmRSS/ {print $2}' "/proc/$pid/status") / 1024 )) || echo "?"
}

record() { printf '%s %s\n' "$(date -u +%FT%TZ)" "$*" | tee -a "$RESULTS/understanding-scale.txt"; }

# the bench databases with 1,000,000 feedback items and 120,000 actions (loaded once: bench/scale/load.sql fills
# only empty tables)
load_scale_data() {
  "$ROOT/feedbackloop" infra
  build
  "$ROOT/mvnw" -B -q -pl feedback-service,action-service package -DskipTests
  say "databases feedback_bench and actions_bench, virtual host feedbackloop-bench"
  java -cp "$ROOT/devinfra/target/devinfra.jar:$ROOT/devinfra/target/lib/*" org.feedbackloop.devinfra.ProvisionDatabases \
    "jdbc:postgresql://127.0.0.1:5432/postgres" postgres feedback_bench,actions_bench >>"$LOGS/provision.log" 2>&1
  # a fresh virtual host: what an earlier run left in the queues would be triaged into the empty tables
  rabbitmqctl -q delete_vhost feedbackloop-bench 2>/dev/null || true
  rabbitmqctl -q add_vhost feedbackloop-bench
  rabbitmqctl -q set_permissions -p feedbackloop-bench guest '.*' '.*' '.*'

  # migrations first (the services make their schemas), then the data
  start_service feedback-service 18081 feedback_bench
  start_service action-service 18082 actions_bench
  stop_services
  say "loading 1,000,000 feedback items and 120,000 actions where the tables are empty (the first time: about 5 minutes)"
  psql -h 127.0.0.1 -U postgres -q -f "$ROOT/bench/scale/load.sql" 2>&1 | tee -a "$LOGS/bench-load.log" | grep -E "^Time|empty" || true
  psql -h 127.0.0.1 -U postgres -d actions_bench -Atc "select 'actions_bench: ' || count(*) filter (where status in ('OPEN','PLANNED','IN_PROGRESS')) || ' open actions, ' || (select count(*) from feedback_item) || ' feedback items' from action"
  psql -h 127.0.0.1 -U postgres -d feedback_bench -Atc "select 'feedback_bench: ' || count(*) || ' feedback items' from feedback"
}

scale() {
  load_scale_data

  record "pgbench ceiling: $(pgbench_ceiling)"
  record "broker ceiling (RabbitMQ PerfTest): $(broker_ceiling)"

  bench_java IndexAtScale | tee -a "$RESULTS/understanding-scale.txt"
  start_service action-service 18082 actions_bench
  record "action-service ready with the index of 100,000 open actions: $(rss 18082) MiB resident"
  bench_java TriageAtScale triage 1500 50   # warm-up: the JIT compiles the hot paths in the first minute
  bench_java TriageAtScale triage 3000 50 | tee -a "$RESULTS/understanding-scale.txt"
  record "action-service after triage: $(rss 18082) MiB resident"
  stop_services

  queries
  submissions
  say "figures appended to bench/results/understanding-scale.txt"
}

# what people read at this scale: latency and PostgreSQL's CPU per request, then the plans (EXPLAIN ANALYZE, BUFFERS)
queries() {
  start_service feedback-service 18081 feedback_bench ANALYSIS_THREADS=0
  start_service action-service 18082 actions_bench
  bench_java QueriesAtScale 300 30 | tee -a "$RESULTS/understanding-scale.txt" >"$WORK/queries.txt"
  cat "$WORK/queries.txt"
  local line name
  while IFS= read -r line; do
    name=${line#*query[}; name=${name%%]*}
    figure "scale: $name, p50 / p95 / p99 ms (PostgreSQL CPU ms per request)" "$(sed -E \
      's/.*p50=([0-9.]+)ms p95=([0-9.]+)ms p99=([0-9.]+)ms.*PostgreSQL ([0-9.]+) ms.*/\1 \/ \2 \/ \3 (\4)/' <<<"$line")"
  done <"$WORK/queries.txt"
  stop_services
  local customer
  customer=$(psql -h 127.0.0.1 -U postgres -d feedback_bench -Atc \
    "select contributor_id from feedback where contributor_id not like 'bench-%' group by 1 having count(*) = 20 limit 1")
  { echo "== $(date -u +%FT%TZ) plans at scale (bench/scale/queries.sql)"
    psql -h 127.0.0.1 -U postgres -X -v customer="$customer" -f "$ROOT/bench/scale/queries.sql"
  } > "$RESULTS/scale-plans.txt" 2>&1
  say "plans written to bench/results/scale-plans.txt"
}

# submission latency with the model reading each item off the request path, and without it (nothing else running)
submissions() {
  start_service feedback-service 18081 feedback_bench ANALYSIS_THREADS=1
  record "feedback-service with the model loaded: $(rss 18081) MiB resident"
  bench_java TriageAtScale submit 2000 50 warm-up
  bench_java TriageAtScale submit 3000 $SUBMIT_RATE model-on | tee -a "$RESULTS/understanding-scale.txt"
  record "feedback-service after submissions and their analysis: $(rss 18081) MiB resident"
  stop_services
  start_service feedback-service 18081 feedback_bench ANALYSIS_THREADS=0
  bench_java TriageAtScale submit 2000 50 warm-up
  bench_java TriageAtScale submit 3000 $SUBMIT_RATE model-off | tee -a "$RESULTS/understanding-scale.txt"
  bench_java TriageAtScale submit 3000 $SUBMIT_RATE trivial | tee -a "$RESULTS/understanding-scale.txt"
  stop_services
}

case "${1:-}" in
  quality) quality ;;
  scale) scale ;;
  queries)
    load_scale_data
    queries
    say "figures appended to bench/results/understanding-scale.txt" ;;
  submissions)
    build
    "$ROOT/mvnw" -B -q -pl feedback-service package -DskipTests
    submissions
    say "figures appended to bench/results/understanding-scale.txt" ;;
  train) train ;;
  *) sed -n '2,15p' "$0"; exit 2 ;;
esac

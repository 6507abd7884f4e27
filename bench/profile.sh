#!/usr/bin/env bash
# Where the loop's CPU goes, on the suite that ./feedbackloop up runs: during a burst (loop-burst.sh), for each
# service, the CPU of its threads by kind (from /proc: event loops, worker threads, JIT compilers, garbage collector,
# the outbox relay...) and, for its Java threads, JFR's execution samples by package: where the sampled thread was
# (its top frame) and what it was in (any of the five top frames that jfr print shows). Appends to
# results/profile.txt, and draws each service's flame graph (results/flame/<service>.svg); the JFR recordings stay in
# .work/profile/ (open them in JDK Mission Control for more).
# Usage: bench/profile.sh [rate] [seconds]   (default 20 20; loopback only)
set -euo pipefail
rate=${1:-20}
seconds=${2:-20}
# shellcheck source=common.sh
. "$(dirname "$0")/common.sh"
services=(feedback-service action-service notification-service)
out="$WORK/profile"
mkdir -p "$out"
java_pid() { pgrep -f "$1/target/quarkus-app/quarkus-run.jar" | head -1; }

thread_ticks() { # thread_ticks <pid>: "<kind> <ticks>" per thread, digits and dashes at the end of names dropped
  local task
  for task in /proc/"$1"/task/*; do
    awk '{ name = $0; sub(/^[0-9]+ \(/, "", name); sub(/\) .*$/, "", name); n = split($0, f, ") ");
           split(f[n], rest, " "); gsub(/[-#]?[0-9]+$/, "", name); print name "\t" rest[12] + rest[13] }' "$task/stat" 2>/dev/null || true
  done
}

for service in "${services[@]}"; do
  pid=$(java_pid "$service")
  thread_ticks "$pid" >"$out/$service.before"
  # deeper stacks than JFR's default 64, so that a flame graph sees the callers of a reactive chain
  jcmd "$pid" JFR.configure stackdepth=256 >/dev/null 2>&1 || true
  jcmd "$pid" JFR.start name=loop settings=profile filename="$out/$service.jfr" >/dev/null
done
BENCH_FIGURES="" BENCH_LOOP_RESULTS="$out/burst.txt" BENCH_SERIES="$out/burst" "$BENCH/loop-burst.sh" "$rate" "$seconds" >/dev/null
items=$(( rate * seconds ))
{
  echo "== $(date -u +%FT%TZ) where the CPU goes: a burst of $items items at $rate/s ($(grep -m1 '^items closed' "$out/burst.txt"))"
  for service in "${services[@]}"; do
    pid=$(java_pid "$service")
    thread_ticks "$pid" >"$out/$service.after"
    jcmd "$pid" JFR.stop name=loop >/dev/null
    echo "-- $service: CPU ms per item by thread kind"
    awk -F'\t' -v n="$items" 'FNR == NR { before[$1] += $2; next } { after[$1] += $2 }
      END { for (k in after) { d = after[k] - before[k]; total += d; if (d > 0) printf "%8.2f  %s\n", d * 10 / n, k }
            printf "%8.2f  (all threads)\n", total * 10 / n }' "$out/$service.before" "$out/$service.after" | sort -rn | head -12
    echo "-- $service: Java execution samples by package (first three parts of the class name): the top frame / any of the top five frames (what jfr print shows)"
    jfr print --events jdk.ExecutionSample "$out/$service.jfr" | awk '
      /stackTrace = \[/ { inside = 1; first = 1; delete seen; samples++; next }
      inside && /^[[:space:]]*\]/ { inside = 0; next }
      inside && $1 ~ /^[a-zA-Z]/ {
        frame = $1; sub(/\(.*$/, "", frame); n = split(frame, part, "."); pkg = part[1];
        for (i = 2; i <= 3 && i < n - 1; i++) pkg = pkg "." part[i];
        if (first) { top[pkg]++; first = 0 }
        if (!(pkg in seen)) { seen[pkg] = 1; anywhere[pkg]++ }
      }
      END { for (p in anywhere) printf "%5.1f%%  %5.1f%%  %s\n", 100 * top[p] / samples, 100 * anywhere[p] / samples, p }' \
      | sort -k2 -rn | head -14
  done
} | tee -a "$BENCH/results/profile.txt"
# a flame graph of each service's samples: results/flame/<service>.svg
"$ROOT/mvnw" -B -q -f "$BENCH/load/pom.xml" compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
mkdir -p "$BENCH/results/flame"
for service in "${services[@]}"; do
  java -cp "$BENCH/load/target/classes:$(cat "$BENCH/load/target/classpath.txt")" org.feedbackloop.bench.load.FlameGraph \
    "$out/$service.jfr" "$BENCH/results/flame/$service.svg" "$service: CPU samples during a burst of $items items at $rate/s"
done

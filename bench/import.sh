#!/usr/bin/env bash
# A bulk import on the suite that ./feedbackloop up runs (feedback-service with its launcher's -Xmx256m): a CSV of
# ROWS rows of history (three years of phone, social and survey feedback, each with an externalRef and a contact
# address, 1 in 200 rows refused for an unknown channel) posted through the gateway as the integrator. Prints the
# time to the 202 (the file received and checked), the time to DONE, rows per second, and feedback-service's
# resident memory before, at its peak during the import and after, with its heap after a full collection. With
# KILL=1 it then imports a second file and kills feedback-service (-9) a third of the way through: the import goes
# on by itself once ./feedbackloop up has started the service again, and ends with every row counted once.
# The ceiling beside it: pgbench's single-row inserts per second, measured first.
# Usage: bench/import.sh [rows]   (default 100000; KILL=1 to add the kill; appends to results/import.txt)
set -euo pipefail
rows=${1:-100000}
# shellcheck source=common.sh
. "$(dirname "$0")/common.sh"
token=$("$ROOT/feedbackloop" token --integrator)
run=$(date +%s)
file="$WORK/import-$run.csv"

make_file() { # make_file <path> <rows> <tag>: the CSV
  awk -v rows="$2" -v tag="$3" 'BEGIN {
    srand(42)
    split("PHONE SOCIAL SURVEY EMAIL IN_APP", channels, " ")
    n = split("I was charged twice for my invoice and the refund took weeks|The parcel arrived late and the box was crushed|" \
      "The app logs me out every time I switch to another app|Support answered within minutes and solved it, thank you|" \
      "The new checkout is confusing, I could not find where to enter my voucher|My delivery was left at the wrong address again|" \
      "Prices went up without any notice in the email|The agent on the phone was patient and friendly|" \
      "Search never finds the product when I type its exact name|The invoice PDF is missing the VAT number", texts, "|")
    print "text,channel,externalRef,createdAt,contact.email,consentToContact,rating.scale,rating.score"
    for (i = 1; i <= rows; i++) {
      channel = (i % 200 == 0) ? "FAX" : channels[1 + i % 5]
      day = sprintf("%04d-%02d-%02d", 2022 + int(i * 3 / rows), 1 + i % 12, 1 + i % 28)
      rating = (channel == "SURVEY") ? ",NPS," (i % 11) : ",,"
      printf "\"%s (case %d, %s)\",%s,%s-%d,%s,c%d.%s@history.example,%s%s\n", texts[1 + i % n], i, tag, channel, tag, i, day, i % 5000, tag, (i % 3 ? "true" : "false"), rating
    }
  }' >"$1"
}

PID=$(ss -ltnpH "sport = :8081" | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -1)
[[ -n "$PID" ]] || { echo "feedback-service is not running: ./feedbackloop up first" >&2; exit 1; }
rss_mib() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }
ticks_of() { # ticks_of <pattern for the command line>: CPU ticks (1/100 s) so far, summed over the matching processes
  local total=0 pid
  for pid in $(pgrep -f "$1" || true); do
    [[ -r /proc/$pid/stat ]] && total=$(( total + $(awk '{print $14+$15}' "/proc/$pid/stat" 2>/dev/null || echo 0) ))
  done
  echo "$total"
}
machine_busy() { awk '/^cpu /{print $2+$3+$4+$7+$8}' /proc/stat; }
ms_per_row() { awk -v t="$1" -v r="$2" 'BEGIN { printf "%.2f", t * 10 / r }'; }
heap_after_gc_mib() { # heap_after_gc_mib <pid>: used heap after a full collection
  jcmd "$1" GC.run >/dev/null 2>&1 || true
  jcmd "$1" GC.heap_info 2>/dev/null | awk '/total/ && /used/ { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub(/K,?/, "", v); printf "%.0f", v / 1024; exit } }'
}

post() { # post <file>: prints "<http status> <location> <seconds>"
  local started ended headers
  headers=$(mktemp)
  started=$(date +%s.%N)
  local status
  status=$(curl -s -o /dev/null -D "$headers" -w '%{http_code}' -H "Authorization: Bearer $token" -H 'Content-Type: text/csv' \
    --data-binary @"$1" http://localhost:8080/api/feedback/imports)
  ended=$(date +%s.%N)
  echo "$status $(awk 'tolower($1) == "location:" { sub(/\r/, "", $2); print $2 }' "$headers") $(awk -v a="$started" -v b="$ended" 'BEGIN { printf "%.1f", b - a }')"
  rm -f "$headers"
}

status_of() { curl -s -H "Authorization: Bearer $token" "http://localhost:8080$1"; }
field() { sed -n "s/.*\"$1\":\"\{0,1\}\([^\",}]*\).*/\1/p"; }

ceiling=$(pgbench_ceiling)
make_file "$file" "$rows" "h$run"
size=$(du -m "$file" | cut -f1)
before=$(rss_mib "$PID")
peak=$before
cpu_feedback=$(ticks_of feedback-service/target); cpu_gateway=$(ticks_of gateway/target); cpu_pg=$(ticks_of postgres)
cpu_machine=$(machine_busy)
read -r code location received < <(post "$file")
[[ "$code" == 202 ]] || { echo "the import was refused: HTTP $code" >&2; exit 1; }
started=$(date +%s.%N)
while :; do
  now_rss=$(rss_mib "$PID"); (( now_rss > peak )) && peak=$now_rss
  state=$(status_of "$location")
  [[ $(field status <<<"$state") == DONE ]] && break
  [[ $(field status <<<"$state") == FAILED ]] && { echo "the import failed: $state" >&2; exit 1; }
  sleep 1
done
ended=$(date +%s.%N)
cpu_feedback=$(( $(ticks_of feedback-service/target) - cpu_feedback )); cpu_gateway=$(( $(ticks_of gateway/target) - cpu_gateway ))
cpu_pg=$(( $(ticks_of postgres) - cpu_pg )); cpu_machine=$(( $(machine_busy) - cpu_machine ))
seconds=$(awk -v a="$started" -v b="$ended" -v r="$received" 'BEGIN { printf "%.1f", b - a + r }')
after=$(rss_mib "$PID")
heap=$(heap_after_gc_mib "$PID")
{
  echo "== $(date -u +%FT%TZ) import of $rows rows ($size MiB CSV) through the gateway, feedback-service at -Xmx256m"
  echo "received and checked in $received s (202); DONE after $seconds s: $(awk -v r="$rows" -v s="$seconds" 'BEGIN { printf "%.0f", r / s }') rows/s"
  echo "ceiling, pgbench in the same run: $ceiling; the import stores $(awk -v r="$rows" -v s="$seconds" -v c="${ceiling%% *}" 'BEGIN { printf "%.1f", r / s * 100 / c }')% of that"
  echo "result: accepted $(field accepted <<<"$state"), duplicates $(field duplicates <<<"$state"), refused $(field rejected <<<"$state")"
  echo "feedback-service resident memory: $before MiB before, $peak MiB at the peak, $after MiB after; heap after a full GC: ${heap:-?} MiB"
  echo "CPU per row: feedback-service $(ms_per_row "$cpu_feedback" "$rows") ms, PostgreSQL $(ms_per_row "$cpu_pg" "$rows") ms, gateway $(ms_per_row "$cpu_gateway" "$rows") ms, whole machine $(ms_per_row "$cpu_machine" "$rows") ms (the analysis of imported items, paced, runs meanwhile)"
} | tee -a "$BENCH/results/import.txt"
figure "import: $rows rows through the gateway, seconds to DONE (rows/s)" "$seconds ($(awk -v r="$rows" -v s="$seconds" 'BEGIN { printf "%.0f", r / s }'))"
figure "import: feedback-service RSS before / peak / after, MiB (-Xmx256m)" "$before / $peak / $after"

if [[ "${KILL:-0}" == 1 ]]; then
  second="$WORK/import-$run-b.csv"
  make_file "$second" "$rows" "k$run"
  read -r code location _ < <(post "$second")
  [[ "$code" == 202 ]] || { echo "the second import was refused: HTTP $code" >&2; exit 1; }
  until (( $(field rowsDone <<<"$(status_of "$location")") > rows / 3 )); do sleep 1; done
  done_at_kill=$(field rowsDone <<<"$(status_of "$location")")
  kill -9 "$(ss -ltnpH "sport = :8081" | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -1)"
  killed=$(date +%s)
  echo "killed feedback-service (-9) with $done_at_kill of $rows rows done; ./feedbackloop up starts it again"
  "$ROOT/feedbackloop" up >"$WORK/logs/bench-import-up.log" 2>&1
  while :; do
    state=$(status_of "$location" 2>/dev/null || true)
    [[ $(field status <<<"$state") == DONE ]] && break
    (( $(date +%s) - killed < 600 )) || { echo "not done 10 minutes after the kill: $state" >&2; exit 1; }
    sleep 2
  done
  {
    echo "killed in the middle ($done_at_kill rows done): DONE $(( $(date +%s) - killed )) s after the kill, with accepted $(field accepted <<<"$state"), duplicates $(field duplicates <<<"$state"), refused $(field rejected <<<"$state")"
  } | tee -a "$BENCH/results/import.txt"
fi
rm -f "$file" "$WORK/import-$run-b.csv"

#!/usr/bin/env bash
# "You said, we did" to many contributors at once, on a running suite (./feedbackloop up): the integrator passes on
# the same feedback from N people (each a contact address of their own), triage joins them into one action, the billing owner takes it
# to DONE with a public note, and we measure from the DONE transition answering 200 to each contributor's "you said,
# we did" e-mail leaving notification-service (sent_at in its database): p50, p99 and the last.
# Usage: bench/you-said-we-did.sh [contributors] [samples]   (default 50 3; loopback only; appends to
# results/you-said-we-did.txt)
set -euo pipefail
contributors=${1:-50}
samples=${2:-3}
# shellcheck source=common.sh
. "$(dirname "$0")/common.sh"
token() { "$BENCH/../feedbackloop" token "$1"; }
integrator=$("$BENCH/../feedbackloop" token --integrator)
owner=$(token olivia)
now_ms() { date +%s%3N; }
sql() { psql -h 127.0.0.1 -U postgres -d "$1" -Atc "$2"; }

# shellcheck source=action-moves.sh
. "$(dirname "$0")/action-moves.sh"
all_ms=$(mktemp)
trap 'rm -f "$all_ms"' EXIT

for sample in $(seq 1 "$samples"); do
  run="ysd-$(date +%s)-$sample"
  word=$(head -c 64 /dev/urandom | tr -dc 'a-z' | head -c 10)
  seq 1 "$contributors" | xargs -P 8 -I{} curl -fsS -o /dev/null -X POST http://localhost:8081/api/feedback \
    -H "Authorization: Bearer $integrator" -H 'Content-Type: application/json' \
    -d "{\"text\":\"The $word discount code was not taken off my invoice total\",\"channel\":\"API\",\"contact\":{\"email\":\"$run-{}@example.com\"}}"
  # the action that tracks most of them, once every item is tracked
  started=$(now_ms)
  until (( $(sql notifications "select count(*) from contribution where contact_email like '$run-%' and action_id is not null") >= contributors )); do
    (( $(now_ms) - started > 120000 )) && { echo "sample $sample: not every item tracked within 2 minutes" >&2; exit 1; }
    sleep 0.2
  done
  read -r action joined < <(sql notifications "select action_id, count(*) from contribution where contact_email like '$run-%'
    group by action_id order by count(*) desc limit 1" | tr '|' ' ')
  move "$action" PLANNED
  move "$action" IN_PROGRESS
  move "$action" DONE "Sample $sample: we refunded every second charge and fixed the renewal job."
  done_ms=$(now_ms)
  told="select count(*) from notification where action_id = '$action' and kind = 'YOU_SAID_WE_DID' and channel = 'EMAIL' and status = 'SENT'"
  until (( $(sql notifications "$told") >= joined )); do
    (( $(now_ms) - done_ms > 60000 )) && { echo "sample $sample: not everyone told within a minute" >&2; break; }
    sleep 0.05
  done
  sql notifications "select round(extract(epoch from sent_at) * 1000 - $done_ms) from notification
    where action_id = '$action' and kind = 'YOU_SAID_WE_DID' and channel = 'EMAIL' and status = 'SENT'" >>"$all_ms"
  lags=$(sql notifications "select percentile_cont(0.5) within group (order by ms)::int || ' / ' ||
      percentile_cont(0.99) within group (order by ms)::int || ' / ' || max(ms)::int
    from (select extract(epoch from sent_at) * 1000 - $done_ms as ms from notification
          where action_id = '$action' and kind = 'YOU_SAID_WE_DID' and channel = 'EMAIL' and status = 'SENT') told")
  echo "$(date -u +%FT%TZ) sample $sample: $joined of $contributors contributors on one action, $(sql notifications "$told") told by e-mail; ms after DONE answered (p50 / p99 / last): $lags" \
    | tee -a "$BENCH/results/you-said-we-did.txt"
done
figure "fan-out: \"you said, we did\" e-mail to $contributors contributors after DONE, p50 / p99 (ms, $samples samples)" \
  "$(sort -n "$all_ms" | awk '{ v[NR] = $1 } END { printf "%d / %d", v[int((NR + 1) * 0.5)], v[int(NR * 0.99 + 0.999)] }')"

#!/usr/bin/env bash
# "You said, we did" latency, end to end, on a running suite (./feedbackloop up): alice gives feedback with an
# e-mail address, the billing owner takes its action to DONE with a public note, and we measure from the DONE
# transition answering 200 to (a) the e-mail in the mail sink and (b) the item in alice's inbox, each polled
# every 10 ms. Each probe's words are random, so that triage (which groups feedback by meaning) opens an action of
# its own: a contributor with several items of one action is told once, at the address of their first.
# Usage: bench/loop-latency.sh [samples]   (default 20; loopback only)
set -euo pipefail
samples=${1:-20}
token() { "$(dirname "$0")/../feedbackloop" token "$1"; }
customer=$(token alice)
owner=$(token olivia)
now_ms() { date +%s%3N; }
json_field() { sed -E "s/.*\"$1\":\"([^\"]+)\".*/\1/"; }

# shellcheck source=action-moves.sh
. "$(dirname "$0")/action-moves.sh"
wait_for() { # wait_for <what> <command...>: polls every 10 ms for up to 10 s
  local what=$1 start; shift; start=$(now_ms)
  until "$@"; do
    sleep 0.01
    if (( $(now_ms) - start > 10000 )); then echo "no $what after 10 s" >&2; exit 1; fi
  done
}
mail_arrived() { curl -fsS "http://127.0.0.1:8025/api/user/$1/messages/INBOX" 2>/dev/null | grep -q 'You said, we did'; }
inbox_has() { curl -fsS -H "Authorization: Bearer $customer" 'http://localhost:8083/api/me/notifications?limit=20' \
  | grep -q "\"kind\":\"YOU_SAID_WE_DID\"[^}]*\"actionId\":\"$1\"\|\"actionId\":\"$1\"[^}]*\"kind\":\"YOU_SAID_WE_DID\""; }
action_of() { curl -fsS -H "Authorization: Bearer $owner" "http://localhost:8082/api/actions?feedbackId=$1" | grep -q '"id"'; }

mail_ms=() inbox_ms=()
for i in $(seq 1 "$samples"); do
  words=$(head -c 64 /dev/urandom | tr -dc 'a-z' | head -c 24)
  address="probe-$(date +%s%N)@example.com"
  id=$(curl -fsS -X POST http://localhost:8081/api/feedback -H "Authorization: Bearer $customer" \
    -H 'Content-Type: application/json' \
    -d "{\"text\":\"Loop probe $i $words\",\"channel\":\"WEB\",\"topic\":\"billing\",\"contact\":{\"email\":\"$address\"}}" \
    | json_field id)
  wait_for "action for feedback $id" action_of "$id"
  action=$(curl -fsS -H "Authorization: Bearer $owner" "http://localhost:8082/api/actions?feedbackId=$id" \
    | sed -E 's/.*"items":\[\{"id":"([^"]+)".*/\1/')
  move "$action" PLANNED
  move "$action" IN_PROGRESS
  move "$action" DONE "Probe $i: we corrected the invoice template."
  start=$(now_ms)
  mail_done="" inbox_done=""
  while [[ -z $mail_done || -z $inbox_done ]]; do
    [[ -z $inbox_done ]] && inbox_has "$action" && inbox_done=$(( $(now_ms) - start ))
    [[ -z $mail_done ]] && mail_arrived "$address" && mail_done=$(( $(now_ms) - start ))
    (( $(now_ms) - start > 10000 )) && { echo "sample $i: not told within 10 s" >&2; exit 1; }
    [[ -z $mail_done || -z $inbox_done ]] && sleep 0.01
  done
  mail_ms+=("$mail_done") inbox_ms+=("$inbox_done")
done
report() { # report <label> <values...>
  local label=$1; shift
  local sorted; sorted=$(printf '%s\n' "$@" | sort -n)
  pick() { sed -n "$(( ($1 * samples + 99) / 100 ))p" <<<"$sorted"; }
  echo "$label over $samples samples (ms after DONE answered): min $(head -1 <<<"$sorted") p50 $(pick 50)" \
    "p90 $(pick 90) p99 $(pick 99) max $(tail -1 <<<"$sorted")"
}
report "e-mail in the mail sink" "${mail_ms[@]}"
report "item in the inbox     " "${inbox_ms[@]}"

# Sourced by the bench scripts: an owner's moves of an action through its workflow on a running suite
# (action-service on :8082). Needs $owner, the owner's access token.

etag_of() { curl -fsS -D - -o /dev/null -H "Authorization: Bearer $owner" "http://localhost:8082/api/actions/$1" \
  | tr -d '\r' | sed -n 's/^[Ee][Tt]ag: //p'; }

move() { # move <action> <to> [publicNote]
  local body="{\"to\":\"$2\"${3:+,\"publicNote\":\"$3\"}}"
  curl -fsS -o /dev/null -X POST "http://localhost:8082/api/actions/$1/transitions" -H "Authorization: Bearer $owner" \
    -H "If-Match: $(etag_of "$1")" -H 'Content-Type: application/json' -d "$body"
}

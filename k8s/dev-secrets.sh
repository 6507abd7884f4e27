#!/usr/bin/env bash
# Creates every Secret the manifests reference, with random values, in a namespace (dev clusters only;
# production takes them from its secret store, see k8s/README.md). Leaves existing Secrets alone.
#
#   k8s/dev-secrets.sh feedbackloop-dev
set -euo pipefail
NS=${1:?usage: dev-secrets.sh <namespace>}
random() { head -c 24 /dev/urandom | base64 | tr -d '=+/\n'; }
create() { # create <name> <kubectl create secret arguments...>
  if kubectl -n "$NS" get secret "$1" >/dev/null 2>&1; then
    echo "secret/$1 exists, left as it is"
  else
    kubectl -n "$NS" create secret "${@:2}" --dry-run=client -o yaml | kubectl -n "$NS" apply -f - >/dev/null
    echo "secret/$1 created"
  fi
}
for entry in feedback-service:feedback action-service:actions notification-service:notifications; do
  service=${entry%%:*} role=${entry#*:}
  create "$service-db" generic "$service-db" --type=kubernetes.io/basic-auth \
    --from-literal=username="$role" --from-literal=password="$(random)"
  create "$service-rabbitmq" generic "$service-rabbitmq" \
    --from-literal=username="$service" --from-literal=password="$(random)"
  if [[ $service == notification-service ]]; then
    create "$service-app" generic "$service-app" --from-literal=signing-secret="$(random)$(random)"
  else
    create "$service-app" generic "$service-app" --from-literal=cursor-secret="$(random)$(random)"
  fi
done
create gateway-web generic gateway-web --from-literal=session-secret="$(random)$(random)" \
  --from-literal=state-secret="$(random)$(random)" --from-literal=csrf-secret="$(random)$(random)"
create keycloak-db generic keycloak-db --type=kubernetes.io/basic-auth \
  --from-literal=username=keycloak --from-literal=password="$(random)"
create keycloak-bootstrap-admin generic keycloak-bootstrap-admin \
  --from-literal=username=admin --from-literal=password="$(random)"
create keycloak-integrator-client generic keycloak-integrator-client --from-literal=client-secret="$(random)"
create keycloak-directory-client generic keycloak-directory-client --from-literal=client-secret="$(random)"
echo "TLS: create feedbackloop-tls and keycloak-tls (kubectl create secret tls ...) or let cert-manager issue them."
echo "Backups: create feedbackloop-db-backup (ACCESS_KEY_ID, ACCESS_SECRET_KEY) for the bucket in the overlay's site"
echo "  ConfigMap (backup-destination, backup-endpoint); until it answers, PostgreSQL keeps its WAL on its volume."

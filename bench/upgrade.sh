#!/usr/bin/env bash
# Rolling upgrade: every instance of the suite replaced by a newer build, one at a time, while customers submit.
# Builds this checkout (the older build), then the newer one: a git worktree of the same sources (uncommitted changes
# to tracked files included) under .work/upgrade/newer with upgrade/newer-build.patch applied (feedback-service gains a Flyway
# migration that adds a column, and feedback.received a field), packaged without tests. Then e2e's
# RollingUpgradeTest (tag upgrade, left out of ./feedbackloop test): two instances of each service behind round-robin
# fronts, a burst of RATE submissions per second through the gateways' front whose clients retry as the README says,
# and each instance replaced in turn (feedback-service first, the gateway last). The infrastructure is
# ./feedbackloop infra's (started here); the suite under test uses the e2e databases and virtual host.
# Usage: bench/upgrade.sh [rate]   (default 15; appends the figures to results/upgrade.txt; exits 1 when it fails)
set -euo pipefail
rate=${1:-15}
# shellcheck source=common.sh
. "$(dirname "$0")/common.sh"
say() { printf '\033[1m==>\033[0m %s\n' "$*"; }
newer="$WORK/upgrade/newer"

say "the older build: this checkout"
"$ROOT/mvnw" -B -q -f "$ROOT/pom.xml" install -DskipTests
say "the newer build: ${newer#"$ROOT"/} (this checkout's sources with upgrade/newer-build.patch)"
git -C "$ROOT" worktree remove --force "$newer" 2>/dev/null || rm -rf "$newer"
git -C "$ROOT" worktree prune
sources=$(git -C "$ROOT" stash create)   # HEAD with the changes to tracked files not committed yet (new files left out)
git -C "$ROOT" worktree add --quiet --detach "$newer" "${sources:-HEAD}"
git -C "$newer" apply "$BENCH/upgrade/newer-build.patch"
# package, never install: the older build's artifacts in the local repository stay the older ones
"$ROOT/mvnw" -B -q -f "$newer/pom.xml" package -Dmaven.test.skip=true \
  -pl feedback-service,action-service,notification-service,gateway -am

"$ROOT/feedbackloop" infra >"$WORK/logs/upgrade-infra.log" 2>&1 || { tail -20 "$WORK/logs/upgrade-infra.log" >&2; exit 1; }
# the mail sink keeps every message in memory: the e-mails of earlier runs (thousands each) go, so that it answers quickly
curl -s -o /dev/null --max-time 30 -X POST http://127.0.0.1:8025/api/mail/purge || true
figures="$ROOT/e2e/target/rolling-upgrade.txt"
rm -f "$figures"
say "rolling upgrade at $rate submissions/s (the suite's logs: e2e/target/suite-logs)"
started_at=$(date -u +%FT%TZ)
status=0
E2E_NEWER_ROOT="$newer" E2E_UPGRADE_RATE="$rate" E2E_DB_POOL_SIZE=6 "$ROOT/mvnw" -B -f "$ROOT/pom.xml" -pl e2e verify \
  -Dtest=RollingUpgradeTest -De2e.excludedGroups=none -Dsurefire.failIfNoSpecifiedTests=false \
  >"$WORK/logs/upgrade-test.log" 2>&1 || status=$?
{
  echo "== $started_at rolling upgrade ($(git -C "$ROOT" rev-parse --short HEAD) -> the same with upgrade/newer-build.patch)"
  if [[ -f $figures ]]; then sed 's/^/  /' "$figures"; else echo "  no figures: see .work/logs/upgrade-test.log"; fi
  if (( status == 0 )); then echo "verdict: PASS"; else
    echo "verdict: FAIL ($(grep -m3 -E 'expected|Expecting|IllegalState|AssertionFailed|did not happen' "$WORK/logs/upgrade-test.log" | tr -s ' ' | cut -c1-300 | paste -sd ' '))"
  fi
} | tee -a "$BENCH/results/upgrade.txt"
exit "$status"

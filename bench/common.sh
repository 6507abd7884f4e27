# Sourced first by the bench scripts: where things are (BENCH, ROOT, WORK), a JDK 21 or later, the ceilings of the
# parts (ceilings/ceilings.sh) and figure().
BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH/.." && pwd)
WORK="$ROOT/.work"
mkdir -p "$WORK/logs"
# shellcheck source=../scripts/lib/jdk.sh
. "$ROOT/scripts/lib/jdk.sh"
# shellcheck source=ceilings/ceilings.sh
. "$BENCH/ceilings/ceilings.sh"

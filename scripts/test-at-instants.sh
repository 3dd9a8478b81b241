#!/usr/bin/env bash
# The server's suites (unit + API e2e on the embedded SQLite) and the mini-program's component tests with the
# whole process's clock set to fixed instants by libfaketime (Debian's `faketime`), in the time zone of a Beijing server. Code under test must not
# depend on the day and hour it runs: a suite that passes now must pass on a weekday morning, on a Saturday, at
# 23:59 on the last day of a month, and on the working day before a public holiday (the demo calendar has
# 2027-01-01 元旦 as a holiday).
#
#   scripts/test-at-instants.sh                        both parts at all four instants
#   scripts/test-at-instants.sh holiday-eve            one of: weekday-morning saturday month-end holiday-eve
#   scripts/test-at-instants.sh --part server NAME…    only the server suites (or --part miniapp)
#
# Each run writes its jest report to $RESULTS (default artifacts/test-results) as <part>-at-<name>.json.
# Needs faketime (installed with apt-get when missing and run as root).
set -uo pipefail
source "$(dirname "$0")/lib.sh"
cd "$REPO_ROOT"

declare -A INSTANTS=(
  [weekday-morning]='2026-12-11 10:00:00 +0800'   # Friday, 10:00 Beijing
  [saturday]='2026-12-12 10:00:00 +0800'          # Saturday, 10:00
  [month-end]='2026-11-30 23:59:00 +0800'         # Monday 23:59, the last minute of November
  [holiday-eve]='2026-12-31 16:00:00 +0800'       # Thursday 16:00, the working day before 元旦 (a holiday Friday)
)
ORDER=(weekday-morning saturday month-end holiday-eve)
RESULTS="${RESULTS:-$REPO_ROOT/artifacts/test-results}"
mkdir -p "$RESULTS"

ensure_faketime || exit 1
ensure_pnpm

parts=(server miniapp)
if [ "${1:-}" = "--part" ]; then parts=("$2"); shift 2; fi
names=("$@")
[ ${#names[@]} -eq 0 ] && names=("${ORDER[@]}")
failed=()
for name in "${names[@]}"; do
  instant="${INSTANTS[$name]:-}"
  [ -n "$instant" ] || { echo "unknown instant '$name' (one of: ${ORDER[*]})"; exit 2; }
  for part in "${parts[@]}"; do
    case "$part" in server|miniapp) ;; *) echo "unknown part '$part' (server or miniapp)"; exit 2 ;; esac
    step "$part tests with the clock at $instant ($name)"
    # the clock starts at the instant and runs on; monotonic clocks (timers) stay real. The component tests fake
    # Date themselves from a named instant (miniapp/jest.config.js): COMPONENT_TESTS_AT moves that instant too.
    iso="$(echo "$instant" | sed -E 's/^([0-9-]+) ([0-9:]+) \+0800$/\1T\2+08:00/')"
    if (cd "$part" && TZ=Asia/Shanghai FAKETIME_DONT_FAKE_MONOTONIC=1 COMPONENT_TESTS_AT="$iso" faketime "$instant" \
        node "$REPO_ROOT/node_modules/jest/bin/jest.js" --runInBand --json --outputFile="$RESULTS/$part-at-$name.json"); then
      echo "✓ $part at $name"
    else
      echo "✗ $part at $name FAILED"; failed+=("$part at $name")
    fi
  done
done
[ ${#failed[@]} -eq 0 ] || { printf '✗ failed at: %s\n' "${failed[@]}"; exit 1; }
echo "${parts[*]} passed at: ${names[*]}"

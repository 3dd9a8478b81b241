#!/usr/bin/env bash
# Installs everything and runs every test tier. Used by the README and by .ci/run.
#   unit (shared, server) · API e2e on embedded SQLite · the same e2e on MariaDB · mini-program components ·
#   compiled weapp bundle (size budget, WXML/WXSS compile, headless smoke) · H5 browser journey in Chromium
# Needs: Node 20. Starts MariaDB and installs Chromium itself where it can (Debian/root), see scripts/services.sh.
# Every tier runs even when an earlier one fails; the exit code is non-zero if any failed.
set -uo pipefail
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/services.sh"
cd "$REPO_ROOT"

RESULTS="$REPO_ROOT/artifacts/test-results"
rm -rf "$RESULTS" && mkdir -p "$RESULTS"
failed=()

tier() { # tier NAME command...   (a jest tier's report: --outputFile=…/REPORT.json, or TIER_REPORT=REPORT tier …)
  local name="$1"; shift
  step "$name"
  local started=$SECONDS report="${TIER_REPORT:--}" arg
  for arg in "$@"; do
    case "$arg" in --outputFile=*) report="$(basename "${arg#--outputFile=}" .json)" ;; esac
  done
  if "$@"; then
    echo "✓ $name ($((SECONDS - started)) s)"
    printf 'pass\t%s\t%s\n' "$report" "$name" >> "$RESULTS/tiers.txt"
  else
    echo "✗ $name FAILED ($((SECONDS - started)) s)"
    printf 'fail\t%s\t%s\n' "$report" "$name" >> "$RESULTS/tiers.txt"
    failed+=("$name")
  fi
}

jest_json() { echo "--json --outputFile=$RESULTS/$1.json"; }

install_workspace || { echo "install failed"; exit 1; }

tier "typecheck (all packages)" pnpm -r typecheck
tier "shared: unit tests" pnpm --filter @gezhi/shared test $(jest_json shared)
tier "server: unit + API e2e on embedded SQLite" \
  pnpm --filter @gezhi/server test $(jest_json server-sqlite)

# the same suites with the process clock at a fixed instant (libfaketime): 16:00 on the last day of a month, the
# working day before a public holiday; scripts/test-at-instants.sh runs all four instants
TIER_REPORT=server-at-holiday-eve tier "server: unit + API e2e with the clock at the eve of a holiday" \
  env RESULTS="$RESULTS" bash scripts/test-at-instants.sh --part server holiday-eve

if ensure_mariadb; then
  tier "server: API e2e on MariaDB" \
    env TEST_DATABASE_URL="${TEST_MARIADB_URL:-mariadb://root@127.0.0.1:3306/gezhi_test}" \
    pnpm --filter @gezhi/server test --selectProjects e2e $(jest_json server-mariadb)
else
  failed+=("MariaDB unavailable"); printf 'fail\t-\tMariaDB unavailable\n' >> "$RESULTS/tiers.txt"
fi

tier "mini-program: component tests" pnpm --filter @gezhi/miniapp test $(jest_json miniapp)
TIER_REPORT=miniapp-at-holiday-eve tier "mini-program: component tests with the clock at the eve of a holiday" \
  env RESULTS="$RESULTS" bash scripts/test-at-instants.sh --part miniapp holiday-eve
tier "mini-program: weapp build" pnpm --filter @gezhi/miniapp build:weapp
tier "mini-program: weapp bundle checks (size, WXML/WXSS, headless)" pnpm --filter @gezhi/miniapp check:weapp
tier "server: build" pnpm --filter @gezhi/server build
tier "mini-program: H5 build" pnpm --filter @gezhi/miniapp build:h5

# the journeys run the server at a fixed instant (libfaketime) with the browsers' clocks on the same instant
if ensure_chromium && ensure_faketime; then
  tier "H5 browser journeys in Chromium" \
    pnpm --filter @gezhi/miniapp exec jest -c journeys/jest.config.js $(jest_json journeys)
else
  failed+=("Chromium or faketime unavailable"); printf 'fail\t-\tChromium or faketime unavailable\n' >> "$RESULTS/tiers.txt"
fi

step "summary"
node scripts/summarize-tests.js "$RESULTS"
if [ ${#failed[@]} -gt 0 ]; then
  printf '✗ failed: %s\n' "${failed[@]}"
  exit 1
fi
echo "all tiers passed"

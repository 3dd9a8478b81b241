#!/usr/bin/env bash
# Installs everything and starts Gezhi on its embedded default (SQLite file, demo data loaded on first run).
# The H5 build of the mini-program is served by the API at http://localhost:${PORT:-3000}/
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$REPO_ROOT"

install_workspace
step "building the server"
pnpm --filter @gezhi/server build
step "building the mini-program for the browser (H5)"
pnpm --filter @gezhi/miniapp build:h5
if [ "${DEMO_WEAPP:-0}" = "1" ]; then
  step "building the WeChat mini-program bundle (open miniapp/ in WeChat DevTools)"
  pnpm --filter @gezhi/miniapp build:weapp
fi

export PORT="${PORT:-3000}"
# the demo conveniences are off unless asked for (a bare `node dist/main.js` is safe): the 演示账号登录 and the demo data
export DEV_LOGIN="${DEV_LOGIN:-true}"
export SEED_DEMO="${SEED_DEMO:-true}"
export H5_DIR="${H5_DIR:-$REPO_ROOT/miniapp/dist/h5}"
step "starting Gezhi on http://localhost:$PORT/ (API docs: http://localhost:$PORT/docs)"
echo "Demo accounts: resident1…resident4, gridleader1…gridleader7, community1, street1 (演示账号登录)."
cd server && exec node dist/main.js

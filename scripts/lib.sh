# Common setup for the repo's scripts: a pinned pnpm without root, and native-addon headers.
# Sourced, not run.
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PNPM_VERSION="12.21.0"

ensure_pnpm() {
  if command -v pnpm >/dev/null 2>&1 && [ "$(pnpm --version 2>/dev/null)" = "$PNPM_VERSION" ]; then
    return
  fi
  local tools="$REPO_ROOT/.tools"
  if [ ! -x "$tools/node_modules/.bin/pnpm" ] || [ "$("$tools/node_modules/.bin/pnpm" --version)" != "$PNPM_VERSION" ]; then
    echo "› installing pnpm $PNPM_VERSION into .tools/"
    npm install --silent --no-save --prefix "$tools" "pnpm@$PNPM_VERSION" >/dev/null
  fi
  export PATH="$tools/node_modules/.bin:$PATH"
}

# better-sqlite3 compiles from source; node-gyp wants Node's headers. Use the system's copy when it
# has one (machines without internet access to nodejs.org), otherwise node-gyp downloads them.
ensure_node_headers() {
  if [ -z "${npm_config_nodedir:-}" ] && [ -f /usr/include/node/node_version.h ]; then
    export npm_config_nodedir=/usr
  fi
}

install_workspace() {
  ensure_pnpm
  ensure_node_headers
  echo "› pnpm install"
  (cd "$REPO_ROOT" && pnpm install --frozen-lockfile)
  echo "› building the shared contract"
  (cd "$REPO_ROOT" && pnpm --filter @gezhi/shared build >/dev/null)
}

# Debian's faketime (libfaketime): the suites at fixed instants and the browser journeys' server clock need it.
ensure_faketime() {
  command -v faketime >/dev/null 2>&1 && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "› installing faketime"
    (DEBIAN_FRONTEND=noninteractive apt-get install -y -qq faketime >/dev/null 2>&1 ||
      { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq faketime >/dev/null; })
  fi
  command -v faketime >/dev/null 2>&1 || { echo "faketime is not installed (apt-get install faketime)"; return 1; }
}

step() { printf '\n\033[1m== %s ==\033[0m\n' "$*"; }

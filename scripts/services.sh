# Starts what the tests need when it is missing: MariaDB (127.0.0.1:3306) and Debian's Chromium. Sourced.

mariadb_answers() { mariadb -h127.0.0.1 -P3306 -uroot -e 'SELECT 1' >/dev/null 2>&1; }

ensure_mariadb() {
  if [ -n "${TEST_MARIADB_URL:-}" ]; then return 0; fi   # an external server was named
  mariadb_answers && return 0
  if ! command -v mariadbd >/dev/null 2>&1 && [ ! -x /usr/sbin/mariadbd ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      echo "› installing mariadb-server"
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq mariadb-server >/dev/null
    else
      echo "MariaDB is not installed and cannot be installed here (need root + apt-get); set TEST_MARIADB_URL"; return 1
    fi
  fi
  echo "› starting MariaDB"
  mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld 2>/dev/null || true
  start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd -- --user=mysql >/dev/null 2>&1 || true
  for _ in $(seq 1 60); do
    if mariadb_answers; then return 0; fi
    # Debian's root logs in by socket only until told otherwise.
    mariadb -uroot -e "ALTER USER root@localhost IDENTIFIED VIA mysql_native_password USING PASSWORD('') OR unix_socket" >/dev/null 2>&1 || true
    sleep 1
  done
  echo "MariaDB did not come up on 127.0.0.1:3306"; return 1
}

# Chromium plus a CJK font, so the journey screenshots show Chinese text rather than boxes.
ensure_chromium() {
  export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
  local missing=()
  [ -x "$CHROMIUM_PATH" ] || missing+=(chromium)
  if command -v fc-list >/dev/null 2>&1 && ! fc-list :lang=zh 2>/dev/null | grep -q .; then missing+=(fonts-wqy-zenhei); fi
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "› installing ${missing[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  [ -x "$CHROMIUM_PATH" ] && return 0
  echo "Chromium not found at $CHROMIUM_PATH (set CHROMIUM_PATH)"; return 1
}

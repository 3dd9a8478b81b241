#!/usr/bin/env bash
# A three-node MariaDB Galera cluster on loopback, for the multi-node test (server/test/galera/).
#   bash scripts/galera.sh start    # nodes on 127.0.0.1:3311, 3312, 3313 (root, no password, database gezhi)
#   bash scripts/galera.sh stop     # stops the nodes and deletes their data
#   bash scripts/galera.sh kill N   # SIGKILL node N (1-3)   ·   bash scripts/galera.sh restart N  # it rejoins (IST/SST)
#   bash scripts/galera.sh status
# Data under $GALERA_DIR (default /tmp/gezhi-galera). Every node runs as the `mysql` user with its own datadir
# owned by it (run as root, rsync state transfer drops to `nobody` and fails); node 1 bootstraps the cluster
# (--wsrep-new-cluster), nodes 2 and 3 join from an empty datadir by rsync SST.
set -euo pipefail

DIR=${GALERA_DIR:-/tmp/gezhi-galera}
PROVIDER=${GALERA_PROVIDER:-/usr/lib/galera/libgalera_smm.so}
NODES=(1 2 3)
sql_port() { echo $((3310 + $1)); }
base_port() { echo $((4560 + 10 * $1)); }    # 4570/4580/4590: group communication; +1 IST; +2 SST
RUN_AS=()
[ "$(id -u)" = 0 ] && RUN_AS=(--user=mysql)

node_pid() { cat "$DIR/node$1/mariadbd.pid" 2>/dev/null || true; }
alive() { local pid; pid=$(node_pid "$1"); [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; }
client() { mariadb --no-defaults -h127.0.0.1 -P"$(sql_port "$1")" -uroot --connect-timeout=2 "${@:2}"; }

start_node() {
  local n=$1 bootstrap=${2:-} port base
  port=$(sql_port "$n"); base=$(base_port "$n")
  mkdir -p "$DIR/node$n"
  if [ ! -d "$DIR/node$n/data/mysql" ] && [ "$n" = 1 ] && [ -n "$bootstrap" ]; then
    mkdir -p "$DIR/node$n/data"
    [ "$(id -u)" = 0 ] && chown -R mysql:mysql "$DIR/node$n"
    mariadb-install-db --no-defaults --datadir="$DIR/node$n/data" --auth-root-authentication-method=normal --skip-test-db "${RUN_AS[@]}" >"$DIR/node$n/install.log" 2>&1
  fi
  mkdir -p "$DIR/node$n/data"
  [ "$(id -u)" = 0 ] && chown -R mysql:mysql "$DIR/node$n"
  local cluster="gcomm://127.0.0.1:$(base_port 1),127.0.0.1:$(base_port 2),127.0.0.1:$(base_port 3)"
  [ -n "$bootstrap" ] && cluster="gcomm://"
  # the mysql user must be able to read the sst script's working dir and write its own
  (cd "$DIR/node$n" && setsid mariadbd --no-defaults \
    --datadir="$DIR/node$n/data" --port="$port" --bind-address=127.0.0.1 \
    --socket="$DIR/node$n/data/mariadb.sock" --pid-file="$DIR/node$n/mariadbd.pid" \
    --log-error="$DIR/node$n/error.log" "${RUN_AS[@]}" \
    --binlog-format=ROW --default-storage-engine=InnoDB --innodb-autoinc-lock-mode=2 \
    --innodb-buffer-pool-size=64M --innodb-log-file-size=48M \
    --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
    --wsrep-on=ON --wsrep-provider="$PROVIDER" --wsrep-cluster-name=gezhi \
    --wsrep-cluster-address="$cluster" --wsrep-node-name="node$n" \
    --wsrep-node-address="127.0.0.1:$base" --wsrep-sst-method=rsync \
    --wsrep-sst-receive-address="127.0.0.1:$((base + 2))" \
    --wsrep-provider-options="base_port=$base;ist.recv_addr=127.0.0.1:$((base + 1));gcache.size=64M;evs.suspect_timeout=PT3S;evs.inactive_timeout=PT6S;evs.inactive_check_period=PT1S" \
    ${bootstrap:+--wsrep-new-cluster} </dev/null >/dev/null 2>&1 &) </dev/null >/dev/null 2>&1
  for _ in $(seq 1 120); do
    if client "$n" -N -e "SHOW STATUS LIKE 'wsrep_ready'" 2>/dev/null | grep -q ON; then return 0; fi
    sleep 0.5
  done
  echo "node $n did not become ready; see $DIR/node$n/error.log" >&2
  tail -20 "$DIR/node$n/error.log" >&2 || true
  return 1
}

stop_node() {
  local n=$1 pid
  pid=$(node_pid "$n")
  [ -z "$pid" ] && return 0
  kill -CONT "$pid" 2>/dev/null || true
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.5; done
  kill -KILL "$pid" 2>/dev/null || true
}

case "${1:-}" in
  start)
    if alive 1 || alive 2 || alive 3; then echo "already running (bash scripts/galera.sh stop first)" >&2; exit 1; fi
    rm -rf "$DIR"; mkdir -p "$DIR"; chmod 755 "$DIR"
    start_node 1 bootstrap
    client 1 -e "CREATE DATABASE IF NOT EXISTS gezhi CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
    start_node 2
    start_node 3
    echo "galera: $(client 1 -N -e "SHOW STATUS LIKE 'wsrep_cluster_size'" | awk '{print $2}') nodes on 127.0.0.1:3311,3312,3313 (data in $DIR)"
    ;;
  stop)
    for n in 3 2 1; do stop_node "$n"; done
    rm -rf "$DIR"
    ;;
  kill)
    pid=$(node_pid "$2"); [ -n "$pid" ] && kill -KILL "$pid"; echo "node $2 killed"
    ;;
  restart)
    stop_node "$2"; start_node "$2"; echo "node $2 back: cluster size $(client "$2" -N -e "SHOW STATUS LIKE 'wsrep_cluster_size'" | awk '{print $2}')"
    ;;
  status)
    for n in "${NODES[@]}"; do
      if alive "$n"; then echo "node $n: $(client "$n" -N -e "SHOW STATUS WHERE Variable_name IN ('wsrep_cluster_size','wsrep_local_state_comment')" 2>/dev/null | tr '\n\t' ' ')"; else echo "node $n: down"; fi
    done
    ;;
  *) echo "usage: $0 start|stop|kill N|restart N|status" >&2; exit 2 ;;
esac

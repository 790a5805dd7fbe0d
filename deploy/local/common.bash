# shellcheck shell=bash
# What deploy/local/stack and the scripts it runs (database, backups, application) share: where the
# stack's files are, its topology's first program of each role as variables, and the small steps
# every one of them takes (supervisorctl, waiting, SQL on a node). Sourced, never run.

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
readonly REPO
readonly DEPLOY="$REPO/deploy"
readonly LOCAL="$DEPLOY/local"
readonly RUNTIME="$DEPLOY/runtime"
readonly CONFIG="$LOCAL/config"
readonly STATE="${MESSAGEBOARD_STACK_DIR:-$LOCAL/state}"
# shellcheck disable=SC2034 # read by the scripts that source this file
readonly TOPOLOGY="${MESSAGEBOARD_STACK_TOPOLOGY:-$RUNTIME/topology}"

log() { printf '[stack] %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

# Each role's first program as ROLE_ADDRESS, ROLE_PORT, ROLE_SECOND_PORT (e.g. NGINX_PORT=8000).
TOPOLOGY_SETTINGS="$("$CONFIG" settings)" || exit 1
mapfile -t TOPOLOGY_SETTINGS <<<"$TOPOLOGY_SETTINGS"
for setting in "${TOPOLOGY_SETTINGS[@]}"; do declare -r "$setting"; done

# The topology's programs of ROLE: NAME ADDRESS PORT [SECOND_PORT].
topology() { "$CONFIG" programs "$1"; }

# A cluster when the topology's database lines have a replication port (SECOND_PORT), else a
# single server.
cluster() { topology database | awk 'NF == 4 { found = 1 } END { exit !found }'; }

ctl() { supervisorctl -c "$STATE/supervisord.conf" "$@" </dev/null; }

supervisor_answers() {
  [ -S "$STATE/run/supervisor.sock" ] && ctl pid >/dev/null 2>&1
}

require_up() {
  supervisor_answers || die "the stack is not up; run: deploy/local/stack up"
}

program_state() { ctl status "$1" 2>/dev/null | awk '{ print $2 }' || true; }

# wait_until SECONDS DESCRIPTION COMMAND...: retries COMMAND until it succeeds or time runs out.
wait_until() {
  local seconds="$1" what="$2"
  shift 2
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    [ "$SECONDS" -ge "$deadline" ] && die "$what not ready after ${seconds}s (logs: $STATE/logs)"
    sleep 0.5
  done
}

http_ok() { curl -fs -o /dev/null --max-time 2 "$1"; }

all_replicas_ready() {
  local name address management
  while read -r name address _ management; do
    http_ok "http://$address:$management/health/ready" || return 1
  done < <(topology replica)
}

# node_sql NAME ARGS...: the mariadb client as root on node NAME's socket.
node_sql() {
  local name="$1"
  shift
  mariadb --socket="$STATE/run/database/$name.sock" --connect-timeout=2 --batch --skip-column-names "$@"
}

# The database proxy forwards to a node: a server that answers, even "access denied" to this
# nameless user, is up (ping's rule); with no node passing its check HAProxy closes the connection.
proxy_answers() {
  mariadb-admin --host="$DATABASE_PROXY_ADDRESS" --port="$DATABASE_PROXY_PORT" --connect-timeout=2 \
    --user=stack-status ping >/dev/null 2>&1
}

# as KIND COMMAND...: COMMAND as the user of that kind of program (deploy/local/users), e.g. as
# DATABASE_USER mariadb-backup ...
as() { "$LOCAL/run-as" "${!1}" "${@:2}"; }

# wsrep NAME: the node's wsrep status as "LOCAL_STATE_COMMENT CLUSTER_SIZE CLUSTER_STATUS UUID".
wsrep() {
  node_sql "$1" -e "SET SESSION wsrep_sync_wait = 0; SELECT GROUP_CONCAT(VARIABLE_VALUE ORDER BY FIELD(VARIABLE_NAME,
      'WSREP_LOCAL_STATE_COMMENT', 'WSREP_CLUSTER_SIZE', 'WSREP_CLUSTER_STATUS',
      'WSREP_CLUSTER_STATE_UUID') SEPARATOR ' ') FROM information_schema.GLOBAL_STATUS
    WHERE VARIABLE_NAME IN ('WSREP_LOCAL_STATE_COMMENT', 'WSREP_CLUSTER_SIZE',
      'WSREP_CLUSTER_STATUS', 'WSREP_CLUSTER_STATE_UUID')" 2>/dev/null
}

synced() { wsrep "$1" | grep -q '^Synced [0-9]* Primary '; }

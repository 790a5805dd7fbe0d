#!/bin/bash
# The checks of the official image's healthcheck.sh that the compose file uses:
#   --connect             the server accepts TCP connections (an access refusal still counts)
#   --innodb_initialized  InnoDB has finished starting
# The temporary server of the first initialisation listens on no TCP port, so it is never healthy.
set -euo pipefail

connect() {
  local out
  out="$(mariadb --protocol=tcp -h127.0.0.1 -uhealthcheck-probe --connect-timeout=2 -e 'SELECT 1' 2>&1)" && return 0
  case "$out" in *"Access denied"*) return 0 ;; *) echo "$out" >&2; return 1 ;; esac
}

innodb_initialized() {
  [ "$(mariadb --protocol=socket -uroot -N -B -e \
    "SELECT 1 FROM information_schema.ENGINES WHERE engine = 'InnoDB' AND support IN ('YES', 'DEFAULT', 'ENABLED')")" = 1 ]
}

for check in "$@"; do
  case "$check" in
    --connect) connect ;;
    --innodb_initialized) innodb_initialized ;;
    *) echo "healthcheck.sh: unsupported check $check" >&2; exit 1 ;;
  esac
done

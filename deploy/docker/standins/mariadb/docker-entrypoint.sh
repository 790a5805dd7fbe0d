#!/bin/bash
# The part of the official mariadb image's entrypoint that Messageboard's compose file and its
# Testcontainers tests use.
set -euo pipefail

readonly DATADIR=/var/lib/mysql
readonly SOCKET=/run/mysqld/mysqld.sock

note() { printf '[entrypoint] %s\n' "$*" >&2; }

# file_env VAR: VAR from VAR_FILE when that is set (Docker secrets), else from its MYSQL_ alias
# (VAR_FILE, then VAR), as the official image accepts; Testcontainers sets the MYSQL_ names.
file_env() {
  local var="$1" file_var="${1}_FILE"
  local alias="MYSQL_${1#MARIADB_}"
  local alias_file="${alias}_FILE"
  if [ -n "${!file_var:-}" ]; then
    export "$var"="$(<"${!file_var}")"
  elif [ -z "${!var:-}" ] && [ -n "${!alias_file:-}" ]; then
    export "$var"="$(<"${!alias_file}")"
  elif [ -z "${!var:-}" ] && [ -n "${!alias:-}" ]; then
    export "$var"="${!alias}"
  fi
  unset "$file_var" "$alias_file"
}

# Runs SQL as root over the socket, in MARIADB_DATABASE when set (as the official helper does);
# init scripts may call it with more client arguments.
# shellcheck disable=SC2120
docker_process_sql() {
  local args=(--protocol=socket --socket="$SOCKET" -uroot)
  if [ -n "${MARIADB_DATABASE:-}" ]; then args+=(--database="$MARIADB_DATABASE"); fi
  mariadb "${args[@]}" "$@"
}

sql_escape() { printf '%s' "$1" | sed -e "s/\\\\/\\\\\\\\/g" -e "s/'/\\\\'/g"; }

start_temporary_server() {
  mariadbd --user=mysql --datadir="$DATADIR" --skip-networking --socket="$SOCKET" "$@" &
  local tries=60
  while [ "$tries" -gt 0 ]; do
    tries=$((tries - 1))
    mariadb-admin --protocol=socket --socket="$SOCKET" -uroot ping >/dev/null 2>&1 && return 0
    sleep 1
  done
  note "the temporary server did not start"
  exit 1
}

stop_temporary_server() {
  mariadb-admin --protocol=socket --socket="$SOCKET" -uroot shutdown
  wait
}

# root keeps socket login (the health check uses it) and gets a password for TCP.
create_users() {
  local root_password="${MARIADB_ROOT_PASSWORD:-}"
  if [ -z "$root_password" ] && [ -n "${MARIADB_RANDOM_ROOT_PASSWORD:-}" ]; then
    root_password="$(head -c 24 /dev/urandom | base64 | tr -d '/+=\n')"
    note "GENERATED ROOT PASSWORD: (not shown; root logs in through the socket)"
  fi
  [ -n "$root_password" ] || { note "set MARIADB_ROOT_PASSWORD or MARIADB_RANDOM_ROOT_PASSWORD"; exit 1; }
  local root_host="${MARIADB_ROOT_HOST:-%}" escaped
  escaped="$(sql_escape "$root_password")"
  {
    echo "ALTER USER 'root'@'localhost' IDENTIFIED VIA unix_socket OR mysql_native_password USING PASSWORD('$escaped');"
    # As the official image: root may also log in over the network, from MARIADB_ROOT_HOST.
    if [ "$root_host" != localhost ]; then
      echo "CREATE USER 'root'@'$root_host' IDENTIFIED BY '$escaped';"
      echo "GRANT ALL ON *.* TO 'root'@'$root_host' WITH GRANT OPTION;"
    fi
    echo "DROP USER IF EXISTS ''@'localhost', ''@'$(hostname)';"
    if [ -n "${MARIADB_DATABASE:-}" ]; then
      echo "CREATE DATABASE IF NOT EXISTS \`$MARIADB_DATABASE\`;"
    fi
    if [ -n "${MARIADB_USER:-}" ] && [ -n "${MARIADB_PASSWORD:-}" ]; then
      echo "CREATE USER '$MARIADB_USER'@'%' IDENTIFIED BY '$(sql_escape "$MARIADB_PASSWORD")';"
      if [ -n "${MARIADB_DATABASE:-}" ]; then
        echo "GRANT ALL ON \`$MARIADB_DATABASE\`.* TO '$MARIADB_USER'@'%';"
      fi
    fi
  } | MARIADB_DATABASE='' docker_process_sql --batch
}

run_init_scripts() {
  local f
  for f in /docker-entrypoint-initdb.d/*; do
    [ -e "$f" ] || continue
    case "$f" in
      *.sh)
        if [ -x "$f" ]; then note "running $f"; "$f"; else note "sourcing $f"; # shellcheck disable=SC1090
          . "$f"; fi ;;
      *.sql) note "running $f"; docker_process_sql --batch <"$f" ;;
      *.sql.gz) note "running $f"; gunzip -c "$f" | docker_process_sql --batch ;;
      *) note "ignoring $f" ;;
    esac
  done
}

initialise() {
  note "initialising the database in $DATADIR"
  mariadb-install-db --user=mysql --datadir="$DATADIR" --skip-test-db \
    --auth-root-authentication-method=socket >/dev/null
  start_temporary_server "$@"
  create_users
  run_init_scripts
  stop_temporary_server
  note "initialised"
}

main() {
  if [ "${1:0:1}" = '-' ]; then set -- mariadbd "$@"; fi
  if [ "$1" = mariadbd ] || [ "$1" = mysqld ]; then
    shift
    for var in MARIADB_ROOT_PASSWORD MARIADB_PASSWORD MARIADB_USER MARIADB_DATABASE \
      MARIADB_ROOT_HOST; do
      file_env "$var"
    done
    chown -R mysql:mysql "$DATADIR" /run/mysqld
    if [ ! -d "$DATADIR/mysql" ]; then initialise "$@"; fi
    unset MARIADB_ROOT_PASSWORD MARIADB_PASSWORD
    exec mariadbd --user=mysql --datadir="$DATADIR" "$@"
  fi
  exec "$@"
}

main "$@"

# Sourced by the MariaDB image's entrypoint at the first start only (docker_process_sql is its
# helper). MARIADB_USER, the schema's owner, exists already; this adds the app's DML-only user and
# the exporter's, with their passwords from the secrets.
# shellcheck shell=bash disable=SC2154
app_password="$(sed "s/'/''/g" /run/secrets/db-app-password)"
exporter_password="$(sed "s/'/''/g" /run/secrets/db-exporter-password)"
docker_process_sql --batch <<SQL
CREATE USER 'messageboard_app'@'%' IDENTIFIED BY '${app_password}';
GRANT SELECT, INSERT, UPDATE, DELETE ON \`${MARIADB_DATABASE}\`.* TO 'messageboard_app'@'%';
CREATE USER 'messageboard_exporter'@'%' IDENTIFIED BY '${exporter_password}' WITH MAX_USER_CONNECTIONS 3;
GRANT PROCESS, REPLICATION CLIENT, SELECT ON *.* TO 'messageboard_exporter'@'%';
SQL
unset app_password exporter_password

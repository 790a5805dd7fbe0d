# Sourced by the MariaDB image's entrypoint at the first start only (docker_process_sql is its
# helper): the database's users and grants (runtime/mariadb/users.sql, shared with the local
# stack, and the backup tool's, backup-user.sql), with their passwords from the secrets. users-sql hex-encodes them on the way in.
# shellcheck shell=bash
sh /etc/messageboard/mariadb/users-sql % /run/secrets/db-owner-password \
  /run/secrets/db-app-password /run/secrets/db-exporter-password /run/secrets/db-backup-password \
  | docker_process_sql --batch

-- The backup tool's user (deploy/runtime/mariadb/backup as compose's backup and binlog-archive
-- services run it): a physical backup (mariadb-backup) and the binary-log stream
-- (mariadb-binlog), never a row of the data through SQL. users-sql appends this to users.sql when
-- it is given a backup password; the local stack's tool needs none (it connects as the stack's own
-- operating-system user on the node's socket). Takes @messageboard_host and @backup_password.
SET @account = CONCAT(QUOTE('messageboard_backup'), '@', QUOTE(@messageboard_host));
EXECUTE IMMEDIATE CONCAT('CREATE USER IF NOT EXISTS ', @account);
EXECUTE IMMEDIATE CONCAT('ALTER USER ', @account, ' IDENTIFIED BY ', QUOTE(@backup_password),
  ' WITH MAX_USER_CONNECTIONS 10');
-- mariadb-backup: RELOAD, PROCESS, LOCK TABLES, BINLOG MONITOR (its position); the stream:
-- REPLICATION SLAVE.
EXECUTE IMMEDIATE CONCAT('GRANT RELOAD, PROCESS, LOCK TABLES, BINLOG MONITOR, REPLICATION SLAVE',
  ' ON *.* TO ', @account);

SET @account = NULL, @backup_password = NULL;

-- The database, its users and their grants: the local stack applies this at every up, compose at
-- the database's first start (deploy/compose/mariadb/10-users.sh). Kubernetes' mariadb-operator
-- overlay declares the same grants as User and Grant objects.
-- Run as root through users-sql (beside this file), which first sets the session variables it
-- takes: @messageboard_host (the accounts' host part: 127.0.0.1 locally, % under compose) and
-- @owner_password, @app_password, @exporter_password. Every name and password reaches a statement
-- through QUOTE(), so a ' or \ in a password is data, never SQL.
-- Idempotent: it creates what is missing and (re)sets the passwords.
SET SESSION sql_mode = REPLACE(@@sql_mode, 'NO_BACKSLASH_ESCAPES', '');

CREATE DATABASE IF NOT EXISTS messageboard;

-- The schema's owner: runs the migrations (MESSAGEBOARD_DB_MIGRATION_USER).
SET @account = CONCAT(QUOTE('messageboard_owner'), '@', QUOTE(@messageboard_host));
EXECUTE IMMEDIATE CONCAT('CREATE USER IF NOT EXISTS ', @account);
EXECUTE IMMEDIATE CONCAT('ALTER USER ', @account, ' IDENTIFIED BY ', QUOTE(@owner_password));
EXECUTE IMMEDIATE CONCAT('GRANT ALL PRIVILEGES ON messageboard.* TO ', @account);

-- The replicas' user: reads and writes rows, nothing else (MESSAGEBOARD_DB_USER).
SET @account = CONCAT(QUOTE('messageboard_app'), '@', QUOTE(@messageboard_host));
EXECUTE IMMEDIATE CONCAT('CREATE USER IF NOT EXISTS ', @account);
EXECUTE IMMEDIATE CONCAT('ALTER USER ', @account, ' IDENTIFIED BY ', QUOTE(@app_password));
EXECUTE IMMEDIATE CONCAT('GRANT SELECT, INSERT, UPDATE, DELETE ON messageboard.* TO ', @account);

-- mysqld-exporter's user: server status only, never more than three connections.
SET @account = CONCAT(QUOTE('messageboard_exporter'), '@', QUOTE(@messageboard_host));
EXECUTE IMMEDIATE CONCAT('CREATE USER IF NOT EXISTS ', @account);
EXECUTE IMMEDIATE CONCAT('ALTER USER ', @account, ' IDENTIFIED BY ', QUOTE(@exporter_password),
  ' WITH MAX_USER_CONNECTIONS 3');
EXECUTE IMMEDIATE CONCAT('GRANT PROCESS, REPLICATION CLIENT, SELECT ON *.* TO ', @account);

SET @account = NULL, @owner_password = NULL, @app_password = NULL, @exporter_password = NULL;

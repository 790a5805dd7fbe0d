package io.messageboard.adapter.persistence.jdbi;

import io.messageboard.domain.failure.OutcomeUnknownException;
import io.messageboard.domain.failure.StorageConflictException;
import io.messageboard.domain.failure.StorageUnavailableException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.JdbiException;
import org.jspecify.annotations.Nullable;

/**
 * Classifies JDBI and SQL failures by SQL state and vendor error code, never by message text. The
 * exceptions it creates carry fixed messages (at most a SQL state and error code), never row data.
 */
final class SqlFailures {

  /** MariaDB ER_DUP_ENTRY: a unique or primary key already holds the value. */
  static final int DUPLICATE_KEY = 1062;

  /** MariaDB ER_SEQUENCE_RUN_OUT: the sequence has handed out its maximum value. */
  static final int SEQUENCE_RUN_OUT = 4084;

  /**
   * MariaDB ER_LOCK_DEADLOCK (SQL state 40001): InnoDB chose this transaction as a deadlock victim,
   * or Galera failed its certification against a conflicting write set of another node. Either way
   * the whole transaction was rolled back.
   */
  static final int DEADLOCK_OR_CERTIFICATION_FAILURE = 1213;

  /**
   * MariaDB ER_UNKNOWN_COM_ERROR (SQL state 08S01), which Galera raises as "WSREP has not yet
   * prepared node for application use": the node is not in the primary component (or rejects
   * queries) and ran nothing. The SQL state says connection failure, but the connection is fine and
   * nothing was written.
   */
  static final int NODE_NOT_READY = 1047;

  /** MariaDB ER_ERROR_DURING_COMMIT: the COMMIT itself failed (Galera: replication failed). */
  static final int ERROR_DURING_COMMIT = 1180;

  // Nothing was sent, or the server refused before doing anything: too many connections, lock wait
  // timeout (the statement was rolled back), cannot connect.
  private static final Set<Integer> REFUSED_CODES = Set.of(1040, 1205, 2002, 2003);

  // The connection died while a statement or COMMIT was out: server shutting down, connection
  // killed, server gone away, connection lost during a query.
  private static final Set<Integer> CONNECTION_LOST_CODES = Set.of(1053, 1927, 2006, 2013);

  private SqlFailures() {}

  static boolean isDuplicateKey(JdbiException failure) {
    SQLException sql = sqlCause(failure);
    return sql != null && sql.getErrorCode() == DUPLICATE_KEY && state(sql).startsWith("23");
  }

  static boolean isSequenceRunOut(JdbiException failure) {
    SQLException sql = sqlCause(failure);
    return sql != null && sql.getErrorCode() == SEQUENCE_RUN_OUT;
  }

  /**
   * Whether the database refused the work and certainly wrote nothing, so that running it again is
   * safe: a certification failure or deadlock (the transaction was rolled back), or a node that is
   * not ready (it ran nothing).
   */
  static boolean isRefusal(JdbiException failure) {
    SQLException sql = sqlCause(failure);
    return sql != null
        && (sql.getErrorCode() == DEADLOCK_OR_CERTIFICATION_FAILURE
            || sql.getErrorCode() == NODE_NOT_READY);
  }

  /**
   * The domain failure for a data-access failure that is not a duplicate key, where no write can
   * have been left in doubt: a read, or a transaction that failed before its COMMIT was sent (the
   * server rolls back a transaction whose connection dies).
   */
  static RuntimeException translate(JdbiException failure) {
    return translate(failure, false);
  }

  /**
   * The domain failure for a write whose last statement or COMMIT may have reached the server: a
   * lost connection then means the write may or may not have been stored.
   */
  static RuntimeException translateSentWrite(JdbiException failure) {
    return translate(failure, true);
  }

  private static RuntimeException translate(JdbiException failure, boolean writeMayHaveLanded) {
    if (failure instanceof ConnectionException) {
      return unavailable(failure);
    }
    SQLException sql = sqlCause(failure);
    if (sql == null) {
      return new IllegalStateException("Database access failed", failure);
    }
    if (sql.getErrorCode() == DEADLOCK_OR_CERTIFICATION_FAILURE) {
      return new StorageConflictException(
          "The change conflicted with a concurrent change and was rolled back; try again", failure);
    }
    // Before the connection checks: its SQL state is 08S01, yet nothing ran.
    if (sql.getErrorCode() == NODE_NOT_READY || REFUSED_CODES.contains(sql.getErrorCode())) {
      return unavailable(failure);
    }
    boolean lost = isConnectionLost(sql) || sql.getErrorCode() == ERROR_DURING_COMMIT;
    if (lost && writeMayHaveLanded) {
      return new OutcomeUnknownException(
          "The connection to the message database was lost while a change was being stored; it"
              + " may or may not have been stored",
          failure);
    }
    if (lost) {
      return unavailable(failure);
    }
    return new IllegalStateException(
        "Unexpected database failure (SQL state %s, error %d)"
            .formatted(sql.getSQLState(), sql.getErrorCode()),
        failure);
  }

  // A socket timeout (stalled server) surfaces as a connection failure (08xxx) or an
  // SQLTimeoutException; a lost socket as SQLNonTransientConnectionException with SQL state 08000.
  private static boolean isConnectionLost(SQLException sql) {
    return sql instanceof SQLTransientConnectionException
        || sql instanceof SQLNonTransientConnectionException
        || sql instanceof SQLTimeoutException
        || state(sql).startsWith("08")
        || CONNECTION_LOST_CODES.contains(sql.getErrorCode());
  }

  private static StorageUnavailableException unavailable(JdbiException failure) {
    return new StorageUnavailableException("The message database cannot be reached", failure);
  }

  private static @Nullable SQLException sqlCause(Throwable failure) {
    for (@Nullable Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql) {
        return sql;
      }
    }
    return null;
  }

  private static String state(SQLException sql) {
    return sql.getSQLState() == null ? "" : sql.getSQLState();
  }
}

package io.messageboard.adapter.persistence.jdbi;

import io.messageboard.domain.failure.StorageUnavailableException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.JdbiException;

/** Classifies JDBI and SQL failures by SQL state and vendor error code, never by message text. */
final class SqlFailures {

  /** MariaDB ER_DUP_ENTRY: a unique or primary key already holds the value. */
  static final int DUPLICATE_KEY = 1062;

  // Server gone or going away, too many connections, lock wait timeout, deadlock: retrying later can succeed.
  private static final Set<Integer> UNAVAILABLE_CODES = Set.of(1040, 1053, 1205, 1213, 1927, 2002, 2003, 2006, 2013);

  private SqlFailures() {}

  static boolean isDuplicateKey(JdbiException failure) {
    SQLException sql = sqlCause(failure);
    return sql != null && sql.getErrorCode() == DUPLICATE_KEY && state(sql).startsWith("23");
  }

  /** The domain failure for a data-access failure that is not a duplicate key. */
  static RuntimeException translate(JdbiException failure) {
    if (failure instanceof ConnectionException) {
      return unavailable(failure);
    }
    SQLException sql = sqlCause(failure);
    if (sql == null) {
      return new IllegalStateException("Database access failed", failure);
    }
    if (sql instanceof SQLTransientConnectionException
        || state(sql).startsWith("08")
        || UNAVAILABLE_CODES.contains(sql.getErrorCode())) {
      return unavailable(failure);
    }
    return new IllegalStateException(
        "Unexpected database failure (SQL state %s, error %d)".formatted(sql.getSQLState(), sql.getErrorCode()),
        failure);
  }

  private static StorageUnavailableException unavailable(JdbiException failure) {
    return new StorageUnavailableException("The message database cannot be reached", failure);
  }

  private static SQLException sqlCause(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
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

package io.messageboard.adapter.persistence.jdbi;

import io.messageboard.domain.failure.StorageUnavailableException;
import java.sql.SQLException;
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

  /**
   * MariaDB ER_WARN_DATA_OUT_OF_RANGE: on an insert without id, AUTO_INCREMENT has passed the
   * column's range.
   */
  static final int OUT_OF_RANGE = 167;

  /**
   * MariaDB ER_AUTOINC_READ_FAILED: the storage engine has no next AUTO_INCREMENT value to give.
   */
  static final int AUTO_INCREMENT_READ_FAILED = 1467;

  private static final String NUMERIC_VALUE_OUT_OF_RANGE = "22003";

  // Server gone or going away, too many connections, lock wait timeout, deadlock: retrying later
  // can succeed.
  private static final Set<Integer> UNAVAILABLE_CODES =
      Set.of(1040, 1053, 1205, 1213, 1927, 2002, 2003, 2006, 2013);

  private SqlFailures() {}

  static boolean isDuplicateKey(JdbiException failure) {
    SQLException sql = sqlCause(failure);
    return sql != null && sql.getErrorCode() == DUPLICATE_KEY && state(sql).startsWith("23");
  }

  /**
   * Whether an insert that let the table assign the id failed because no id is left; only valid on
   * that path.
   */
  static boolean isIdExhaustion(JdbiException failure) {
    SQLException sql = sqlCause(failure);
    return sql != null
        && (sql.getErrorCode() == OUT_OF_RANGE
            || sql.getErrorCode() == AUTO_INCREMENT_READ_FAILED
            || NUMERIC_VALUE_OUT_OF_RANGE.equals(sql.getSQLState()));
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
    // A socket timeout (stalled server) surfaces as a connection failure (08xxx) or an
    // SQLTimeoutException.
    if (sql instanceof SQLTransientConnectionException
        || sql instanceof SQLTimeoutException
        || state(sql).startsWith("08")
        || UNAVAILABLE_CODES.contains(sql.getErrorCode())) {
      return unavailable(failure);
    }
    return new IllegalStateException(
        "Unexpected database failure (SQL state %s, error %d)"
            .formatted(sql.getSQLState(), sql.getErrorCode()),
        failure);
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

package io.messageboard.adapter.persistence.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import io.messageboard.domain.failure.StorageUnavailableException;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTimeoutException;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.Test;

/** SQL failures are classified by SQL state and error code alone. */
class SqlFailuresTest {

  @Test
  void anAutoIncrementPastTheColumnRangeMeansIdsAreExhausted() {
    assertThat(SqlFailures.isIdExhaustion(failed(new SQLDataException("any text", "22003", 167))))
        .isTrue();
    assertThat(SqlFailures.isIdExhaustion(failed(new SQLException("any text", "HY000", 1467))))
        .isTrue();
    assertThat(
            SqlFailures.isIdExhaustion(
                failed(new SQLException("Out of range value", "HY000", 1406))))
        .isFalse();
  }

  @Test
  void aSocketTimeoutOrAStatementTimeoutMeansStorageIsUnavailable() {
    assertThat(
            SqlFailures.translate(
                failed(new SQLNonTransientConnectionException("timeout", "08000", 0))))
        .isInstanceOf(StorageUnavailableException.class);
    assertThat(SqlFailures.translate(failed(new SQLTimeoutException("timeout", "70100", 1969))))
        .isInstanceOf(StorageUnavailableException.class);
  }

  @Test
  void anUnexpectedFailureNamesOnlyItsSqlStateAndErrorCode() {
    RuntimeException translated =
        SqlFailures.translate(failed(new SQLException("row data here", "HY000", 4025)));

    assertThat(translated)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Unexpected database failure (SQL state HY000, error 4025)");
  }

  private static UnableToExecuteStatementException failed(SQLException cause) {
    return new UnableToExecuteStatementException(cause, null);
  }
}

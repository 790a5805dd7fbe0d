package io.messageboard.adapter.persistence.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import io.messageboard.domain.failure.OutcomeUnknownException;
import io.messageboard.domain.failure.StorageConflictException;
import io.messageboard.domain.failure.StorageUnavailableException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.Test;

/**
 * SQL failures are classified by SQL state and error code alone. The exceptions are the ones
 * Connector/J 3.5 raises against MariaDB 10.11 with Galera 26.4 (class, SQL state, error code).
 */
class SqlFailuresTest {

  static SQLException certificationFailure() {
    return new SQLTransactionRollbackException(
        "Deadlock found when trying to get lock; try restarting transaction", "40001", 1213);
  }

  static SQLException nodeNotReady() {
    return new SQLNonTransientConnectionException(
        "WSREP has not yet prepared node for application use", "08S01", 1047);
  }

  static SQLException socketLost() {
    return new SQLNonTransientConnectionException("Socket error", "08000", -1);
  }

  @Test
  void aCertificationFailureIsARefusalAndAConflictWhateverWasSent() {
    assertThat(SqlFailures.isRefusal(failed(certificationFailure()))).isTrue();
    assertThat(SqlFailures.translate(failed(certificationFailure())))
        .isInstanceOf(StorageConflictException.class);
    assertThat(SqlFailures.translateSentWrite(failed(certificationFailure())))
        .isInstanceOf(StorageConflictException.class);
  }

  @Test
  void aNodeOutsideThePrimaryComponentIsARefusalNotALostConnection() {
    assertThat(SqlFailures.isRefusal(failed(nodeNotReady()))).isTrue();
    assertThat(SqlFailures.translateSentWrite(failed(nodeNotReady())))
        .isInstanceOf(StorageUnavailableException.class);
  }

  @Test
  void aLostConnectionLeavesASentWriteUnknownButOnlyMakesOtherWorkUnavailable() {
    assertThat(SqlFailures.isRefusal(failed(socketLost()))).isFalse();
    assertThat(SqlFailures.translateSentWrite(failed(socketLost())))
        .isInstanceOf(OutcomeUnknownException.class);
    assertThat(SqlFailures.translate(failed(socketLost())))
        .isInstanceOf(StorageUnavailableException.class);
  }

  @Test
  void anErrorDuringCommitOrAServerGoneAwayLeavesASentWriteUnknown() {
    assertThat(
            SqlFailures.translateSentWrite(
                failed(new SQLException("Got error 6 during COMMIT", "HY000", 1180))))
        .isInstanceOf(OutcomeUnknownException.class);
    assertThat(
            SqlFailures.translateSentWrite(
                failed(new SQLException("Lost connection during query", "HY000", 2013))))
        .isInstanceOf(OutcomeUnknownException.class);
    assertThat(
            SqlFailures.translate(
                failed(new SQLException("Lost connection during query", "HY000", 2013))))
        .isInstanceOf(StorageUnavailableException.class);
  }

  @Test
  void aConnectionFailureIsToldByItsClassOrItsSqlStateAlone() {
    assertThat(
            SqlFailures.translateSentWrite(
                failed(new SQLTransientConnectionException("reset", "HY000", 0))))
        .isInstanceOf(OutcomeUnknownException.class);
    assertThat(SqlFailures.translateSentWrite(failed(new SQLException("link failure", "08S01", 0))))
        .isInstanceOf(OutcomeUnknownException.class);
    assertThat(SqlFailures.translateSentWrite(failed(new SQLException("no state", null, 2006))))
        .isInstanceOf(OutcomeUnknownException.class);
  }

  @Test
  void aFailureWithoutAnSqlCauseIsNeitherARefusalNorADuplicateNorTheSequence() {
    UnableToExecuteStatementException bare =
        new UnableToExecuteStatementException("no driver error", null);

    assertThat(SqlFailures.isRefusal(bare)).isFalse();
    assertThat(SqlFailures.isDuplicateKey(bare)).isFalse();
    assertThat(SqlFailures.isSequenceRunOut(bare)).isFalse();
    assertThat(SqlFailures.translateSentWrite(bare))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Database access failed");
  }

  @Test
  void noConnectionOrALockWaitTimeoutMeansNothingWasWritten() {
    assertThat(
            SqlFailures.translateSentWrite(
                new ConnectionException(new SQLException("pool timeout", "08001", 0))))
        .isInstanceOf(StorageUnavailableException.class);
    assertThat(
            SqlFailures.translateSentWrite(
                failed(new SQLException("Lock wait timeout exceeded", "HY000", 1205))))
        .isInstanceOf(StorageUnavailableException.class);
    assertThat(
            SqlFailures.translateSentWrite(
                failed(new SQLException("Too many connections", "HY000", 1040))))
        .isInstanceOf(StorageUnavailableException.class);
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
  void aSequencePastItsMaximumIsRecognisedByItsCode() {
    assertThat(
            SqlFailures.isSequenceRunOut(
                failed(new SQLException("Sequence 'm.message_ids' has run out", "HY000", 4084))))
        .isTrue();
    assertThat(SqlFailures.isSequenceRunOut(failed(socketLost()))).isFalse();
  }

  @Test
  void anUnexpectedFailureNamesOnlyItsSqlStateAndErrorCode() {
    RuntimeException translated =
        SqlFailures.translateSentWrite(failed(new SQLException("row data here", "HY000", 4025)));

    assertThat(translated)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Unexpected database failure (SQL state HY000, error 4025)");
    assertThat(SqlFailures.isRefusal(failed(new SQLException("row data", "HY000", 4025))))
        .isFalse();
  }

  private static UnableToExecuteStatementException failed(SQLException cause) {
    return new UnableToExecuteStatementException(cause, null);
  }
}

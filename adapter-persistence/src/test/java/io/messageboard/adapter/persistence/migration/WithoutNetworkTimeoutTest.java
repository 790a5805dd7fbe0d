package io.messageboard.adapter.persistence.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.messageboard.adapter.persistence.testdb.TestDatabase;
import io.messageboard.adapter.persistence.testdb.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Migrations may outlast the pool's socket timeout; the pool's own connections keep it. */
class WithoutNetworkTimeoutTest {

  private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(1);

  private static HikariDataSource pool;

  @BeforeAll
  static void openAPoolWithAShortSocketTimeout() {
    TestDatabase database = TestDatabases.fresh(WithoutNetworkTimeoutTest.class);
    pool = database.ownerPool(1, SOCKET_TIMEOUT);
  }

  @AfterAll
  static void closePool() {
    pool.close();
  }

  @Test
  void aStatementLongerThanTheSocketTimeoutCompletesOnAMigrationConnection() throws SQLException {
    assertThat(sleepTwoSeconds(new WithoutNetworkTimeout(pool))).isZero();
  }

  @Test
  void theSameStatementTimesOutOnThePoolsOwnConnectionsAfterwards() throws SQLException {
    sleepTwoSeconds(new WithoutNetworkTimeout(pool));

    assertThatThrownBy(() -> sleepTwoSeconds(pool)).isInstanceOf(SQLException.class);
  }

  private static int sleepTwoSeconds(DataSource source) throws SQLException {
    try (Connection connection = source.getConnection();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT SLEEP(2)")) {
      result.next();
      return result.getInt(1);
    }
  }
}

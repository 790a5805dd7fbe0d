package io.messageboard.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MariaDbClientTest {

  @Test
  void loadsMessagesOneToCountFromTheSequenceEngine() {
    assertThat(MariaDbClient.insertMessages(10_000))
        .startsWith(
            "INSERT IGNORE INTO messages (clid, mess, sid, created_at, updated_at, version)")
        .contains("SELECT seq, CONCAT('benchmark message number ', seq), 'bench'")
        .endsWith("FROM seq_1_to_10000;\n");
  }

  @Test
  void loadsARangeOfMessagesInOneStatement() {
    assertThat(MariaDbClient.insertMessages(1_000_001, 2_000_000))
        .endsWith("FROM seq_1000001_to_2000000;\n")
        .containsOnlyOnce("INSERT");
  }
}

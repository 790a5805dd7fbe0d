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
}

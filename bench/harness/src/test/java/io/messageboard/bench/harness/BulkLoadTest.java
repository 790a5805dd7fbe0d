package io.messageboard.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class BulkLoadTest {

  private static final Pattern CHUNK = Pattern.compile("FROM seq_(\\d+)_to_(\\d+);");

  @Test
  void loadsEveryIdOnceInTransactionsOfAMillionRows() {
    Matcher chunks = CHUNK.matcher(BulkLoad.statements(2_500_000));

    assertThat(chunks.results().map(m -> m.group(1) + "-" + m.group(2)))
        .containsExactly("1-1000000", "1000001-2000000", "2000001-2500000");
  }

  @Test
  void loadsASmallBoardInOneTransaction() {
    assertThat(CHUNK.matcher(BulkLoad.statements(10_000)).results().map(m -> m.group(2)))
        .containsExactly("10000");
  }

  @Test
  void leavesTheBinaryLogOutForTheLoadingSessionOnly() {
    assertThat(BulkLoad.statements(10_000))
        .startsWith("SET SESSION sql_log_bin = 0;\n")
        .doesNotContain("GLOBAL");
  }

  @Test
  void movesTheIdSequencePastTheLoadedMessagesLast() {
    assertThat(BulkLoad.statements(10_000_000)).endsWith("SELECT SETVAL(message_ids, 10000000);\n");
  }

  @Test
  void countsTheLastChunkWithoutOverflowingNearTheLargestId() {
    assertThat(BulkLoad.statements(Integer.MAX_VALUE))
        .contains("FROM seq_2147000001_to_2147483647;");
  }
}

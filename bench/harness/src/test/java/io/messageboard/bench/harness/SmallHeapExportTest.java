package io.messageboard.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SmallHeapExportTest {

  private static long rows(String body) throws IOException {
    return SmallHeapExport.rows(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void countsTheRowsOfTheExportsArrayOfArrays() throws IOException {
    assertThat(rows("[[1,\"a\",\"s\"],[2,\"b\",\"s\"],[3,\"c\",\"s\"]]")).isEqualTo(3);
  }

  @Test
  void countsOneRowForAnArrayWithoutSeparators() throws IOException {
    assertThat(rows("[[1,\"a\"]]")).isEqualTo(1);
  }

  @Test
  void findsASeparatorRightAfterAnUnfinishedOne() throws IOException {
    // "]]," then "],[": the second ']' starts the separator again.
    assertThat(rows("[[[1]],[2]]")).isEqualTo(2);
  }
}

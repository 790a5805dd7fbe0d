package io.messageboard.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ExportBodyTest {

  private static ExportBody count(String body) throws IOException {
    return ExportBody.count(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void countsTheRowsAndBytesOfTheExportsArrayOfArrays() throws IOException {
    String body = "[[1,\"a\",\"s\"],[2,\"b\",\"s\"],[3,\"c\",\"s\"]]";

    assertThat(count(body)).isEqualTo(new ExportBody(3, body.length(), true));
  }

  @Test
  void countsOneRowForAnArrayWithoutSeparators() throws IOException {
    assertThat(count("[[1,\"a\"]]").rows()).isEqualTo(1);
  }

  @Test
  void findsASeparatorRightAfterAnUnfinishedOne() throws IOException {
    // "]]," then "],[": the second ']' starts the separator again.
    assertThat(count("[[[1]],[2]]").rows()).isEqualTo(2);
  }

  @Test
  void countsNoRowInAnEmptyArray() throws IOException {
    assertThat(count("[]")).isEqualTo(new ExportBody(0, 2, true));
  }

  @Test
  void seesThatAnArrayLeftOpenByAFailingStoreIsNotClosed() throws IOException {
    assertThat(count("[[1,\"a\",\"s\"],[2,\"b\",\"s\"]").closed()).isFalse();
  }

  @Test
  void countsSeparatorsThatStraddleTheReadBuffer() throws IOException {
    StringBuilder body = new StringBuilder("[");
    int rows = 20_000;
    for (int i = 1; i <= rows; i++) {
      body.append(i == 1 ? "" : ",").append("[").append(i).append(",\"text\",\"s\"]");
    }
    body.append("]");

    assertThat(count(body.toString()).rows()).isEqualTo(rows);
  }
}

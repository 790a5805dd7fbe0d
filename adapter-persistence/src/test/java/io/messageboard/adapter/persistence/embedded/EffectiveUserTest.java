package io.messageboard.adapter.persistence.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class EffectiveUserTest {

  @Test
  void readsTheEffectiveUidNotTheRealOne() {
    List<String> status = List.of("Name:\tjava", "Uid:\t1000\t0\t0\t0", "Gid:\t1000\t1000\t1000");

    assertThat(EffectiveUser.uidLine(status)).hasValue(0L);
  }

  @Test
  void findsNothingWithoutAUidLine() {
    assertThat(EffectiveUser.uidLine(List.of("Name:\tjava"))).isEmpty();
  }

  @Test
  void agreesWithIdOnThisMachine() throws Exception {
    Process id = new ProcessBuilder("id", "-u").start();
    long expected =
        Long.parseLong(
            new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip());

    assertThat(EffectiveUser.effectiveUid()).hasValue(expected);
    assertThat(EffectiveUser.isRoot()).isEqualTo(expected == 0);
  }
}

package io.messageboard.adapter.http.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestIdsTest {

  @Test
  void keepsASaneIdFromTheClient() {
    assertThat(RequestIds.acceptOrGenerate("abc-123_x.y:z")).isEqualTo("abc-123_x.y:z");
  }

  @Test
  void replacesAMissingOrInsaneIdWithARandomUuid() {
    for (String insane : new String[] {null, "", "has space", "x".repeat(129), "ünï"}) {
      UUID generated = UUID.fromString(RequestIds.acceptOrGenerate(insane));

      assertThat(generated.version()).isEqualTo(4);
      assertThat(generated.variant()).isEqualTo(2);
    }
  }

  @Test
  void generatesDistinctVersion4Uuids() {
    Set<UUID> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      UUID id = RequestIds.randomUuid();
      assertThat(id.version()).isEqualTo(4);
      assertThat(id.variant()).isEqualTo(2);
      seen.add(id);
    }

    assertThat(seen).hasSize(10_000);
  }
}

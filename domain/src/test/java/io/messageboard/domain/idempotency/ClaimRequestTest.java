package io.messageboard.domain.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.messageboard.domain.model.ReplicaId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ClaimRequestTest {

  private static final ClientScope SCOPE = ClientScope.ANONYMOUS;
  private static final IdempotencyKey KEY = new IdempotencyKey("k");
  private static final RequestFingerprint FINGERPRINT =
      new RequestFingerprint("887d21ee96f69c63805e50b06e91ac44fd10a9f9225e1f477cc4d2e643fe861e");
  private static final ReplicaId REPLICA = new ReplicaId("app-1");
  private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

  @Test
  void holdsTheKeyUntilALaterInstant() {
    ClaimRequest claim = new ClaimRequest(SCOPE, KEY, FINGERPRINT, REPLICA, NOW, NOW.plusMillis(1));

    assertThat(claim.leaseUntil()).isAfter(claim.now());
  }

  @Test
  void refusesALeaseThatEndsWhenOrBeforeItStarts() {
    assertThatThrownBy(() -> new ClaimRequest(SCOPE, KEY, FINGERPRINT, REPLICA, NOW, NOW))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new ClaimRequest(SCOPE, KEY, FINGERPRINT, REPLICA, NOW, NOW.minusSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

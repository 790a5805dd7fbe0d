package io.messageboard.adapter.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.messageboard.domain.failure.FailureKind;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class MicrometerMessageMetricsTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final MicrometerMessageMetrics metrics = new MicrometerMessageMetrics(registry);

  @Test
  void countsPostedEditedAndDeletedMessagesSeparately() {
    metrics.messageCreated();
    metrics.messageCreated();
    metrics.messageEdited();

    assertThat(registry.get("messageboard.messages.posted").counter().count()).isEqualTo(2);
    assertThat(registry.get("messageboard.messages.edited").counter().count()).isEqualTo(1);
    assertThat(registry.get("messageboard.messages.deleted").counter().count()).isZero();
  }

  @Test
  void countsFailuresByKind() {
    metrics.failed(FailureKind.NOT_FOUND);
    metrics.failed(FailureKind.NOT_FOUND);
    metrics.failed(FailureKind.STORAGE_UNAVAILABLE);

    assertThat(failures("not_found")).isEqualTo(2);
    assertThat(failures("storage_unavailable")).isEqualTo(1);
    assertThat(failures("duplicate")).isZero();
  }

  @Test
  void registersEveryFailureKindAtZeroSoRatesExistBeforeTheFirstFailure() {
    assertThat(registry.get("messageboard.message.failures").counters())
        .hasSize(FailureKind.values().length);
  }

  private double failures(String kind) {
    return registry.get("messageboard.message.failures").tag("kind", kind).counter().count();
  }
}

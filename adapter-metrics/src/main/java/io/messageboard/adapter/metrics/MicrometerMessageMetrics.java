package io.messageboard.adapter.metrics;

import io.messageboard.domain.failure.FailureKind;
import io.messageboard.domain.port.out.MessageMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** Counts message writes and use-case failures by kind; every series exists from start at 0. */
public final class MicrometerMessageMetrics implements MessageMetrics {

  private final Counter posted;
  private final Counter edited;
  private final Counter deleted;
  private final Map<FailureKind, Counter> failures = new EnumMap<>(FailureKind.class);

  public MicrometerMessageMetrics(MeterRegistry registry) {
    posted = write(registry, "posted");
    edited = write(registry, "edited");
    deleted = write(registry, "deleted");
    for (FailureKind kind : FailureKind.values()) {
      failures.put(
          kind,
          Counter.builder("messageboard.message.failures")
              .description("Message use cases that ended in a domain failure, by kind.")
              .tag("kind", kind.name().toLowerCase(Locale.ROOT))
              .register(registry));
    }
  }

  private static Counter write(MeterRegistry registry, String what) {
    return Counter.builder("messageboard.messages." + what)
        .description("Messages " + what + " by this replica.")
        .register(registry);
  }

  @Override
  public void messageCreated() {
    posted.increment();
  }

  @Override
  public void messageEdited() {
    edited.increment();
  }

  @Override
  public void messageDeleted() {
    deleted.increment();
  }

  @Override
  public void failed(FailureKind kind) {
    Objects.requireNonNull(failures.get(kind), "every kind has a counter").increment();
  }
}

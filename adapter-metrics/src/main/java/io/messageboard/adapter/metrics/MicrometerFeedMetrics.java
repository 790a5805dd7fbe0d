package io.messageboard.adapter.metrics;

import io.messageboard.domain.port.out.FeedMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.function.IntSupplier;

/**
 * The change feed's series: open streams, events sent and dropped, and the lag from the store's
 * record of a change to its hand-out (a histogram, so that its percentiles add up across replicas).
 */
public final class MicrometerFeedMetrics implements FeedMetrics {

  private final MeterRegistry registry;
  private final Counter sent;
  private final Counter dropped;
  private final Timer lag;

  public MicrometerFeedMetrics(MeterRegistry registry) {
    this.registry = registry;
    sent =
        Counter.builder("messageboard.feed.events.sent")
            .description("Change-feed events handed to a stream of this replica.")
            .register(registry);
    dropped =
        Counter.builder("messageboard.feed.events.dropped")
            .description(
                "Change-feed events a stream did not get because it was closed as too slow (its"
                    + " client resumes from its last event).")
            .register(registry);
    lag =
        Timer.builder("messageboard.feed.lag")
            .description(
                "From the store's record of a change (its clock) to the event's hand-out to a"
                    + " stream (this replica's clock).")
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(1))
            .maximumExpectedValue(Duration.ofSeconds(30))
            .register(registry);
  }

  @Override
  public void openSubscriptions(IntSupplier count) {
    Gauge.builder("messageboard.feed.streams", count, IntSupplier::getAsInt)
        .description("Change-feed streams this replica serves now.")
        .register(registry);
  }

  @Override
  public void eventSent(Duration lag) {
    sent.increment();
    // Clocks apart can make the lag negative; it is then counted as none.
    this.lag.record(lag.isNegative() ? Duration.ZERO : lag);
  }

  @Override
  public void eventsDropped(int count) {
    dropped.increment(count);
  }
}

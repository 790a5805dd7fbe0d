package io.messageboard.domain.port.out;

import java.time.Duration;
import java.util.function.IntSupplier;

/** Driven port: what the change feed does, for operators. */
public interface FeedMetrics {

  /** How many subscriptions are open, asked for whenever the metrics are read. */
  void openSubscriptions(IntSupplier count);

  /** An event handed to a reader, {@code lag} after the store recorded its change. */
  void eventSent(Duration lag);

  /** Events a reader will not get from this subscription: it was closed as too slow. */
  void eventsDropped(int count);
}

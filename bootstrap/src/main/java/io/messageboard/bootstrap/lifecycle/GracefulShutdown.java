package io.messageboard.bootstrap.lifecycle;

import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shutdown sequence: report not-ready, keep serving through the drain period, then stop
 * everything.
 */
public final class GracefulShutdown {

  private static final Logger log = LoggerFactory.getLogger(GracefulShutdown.class);

  private final DrainState drainState;
  private final Duration drain;
  private final Runnable stop;

  public GracefulShutdown(DrainState drainState, Duration drain, Runnable stop) {
    this.drainState = Objects.requireNonNull(drainState, "drainState");
    this.drain = Objects.requireNonNull(drain, "drain");
    this.stop = Objects.requireNonNull(stop, "stop");
  }

  /** Runs the sequence on the calling thread; returns once everything is stopped. */
  public void run() {
    drainState.startDraining();
    log.info(
        "Shutting down: readiness now reports 503; serving for {} ms more so load balancers notice",
        drain.toMillis());
    try {
      Thread.sleep(drain.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    stop.run();
    log.info("Stopped");
  }
}

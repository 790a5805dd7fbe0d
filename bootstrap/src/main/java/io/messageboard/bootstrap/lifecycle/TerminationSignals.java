package io.messageboard.bootstrap.lifecycle;

import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Turns SIGTERM and SIGINT into a graceful shutdown followed by exit code 0. The JVM's own handling
 * would run shutdown hooks and exit with 143, which orchestrators report as a failure.
 */
public final class TerminationSignals {

  private static final Logger log = LoggerFactory.getLogger(TerminationSignals.class);

  private TerminationSignals() {}

  /** Installs the handlers; the first signal starts {@code shutdown}, later ones are ignored. */
  public static void onTerminate(GracefulShutdown shutdown) {
    AtomicBoolean started = new AtomicBoolean();
    for (String name : new String[] {"TERM", "INT"}) {
      try {
        Signal.handle(
            new Signal(name),
            signal -> {
              if (started.compareAndSet(false, true)) {
                shutdown.run();
                System.exit(0);
              }
            });
      } catch (IllegalArgumentException e) {
        // e.g. under -Xrs; the shutdown hook still stops the service, without the drain.
        log.warn(
            "Cannot handle SIG{}; it will stop the service without draining: {}",
            name,
            e.getMessage());
      }
    }
  }
}

package io.messageboard.bootstrap.lifecycle;

import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;

/**
 * Turns SIGTERM and SIGINT into a graceful shutdown followed by exit code 0. The JVM's own handling would run
 * shutdown hooks and exit with 143, which orchestrators report as a failure.
 */
public final class TerminationSignals {

  private TerminationSignals() {}

  /** Installs the handlers; the first signal starts {@code shutdown}, later ones are ignored. */
  public static void onTerminate(GracefulShutdown shutdown) {
    AtomicBoolean started = new AtomicBoolean();
    for (String name : new String[] {"TERM", "INT"}) {
      Signal.handle(
          new Signal(name),
          signal -> {
            if (started.compareAndSet(false, true)) {
              shutdown.run();
              System.exit(0);
            }
          });
    }
  }
}

package io.messageboard.bootstrap.lifecycle;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether this replica is draining: it still serves requests but asks load balancers to stop
 * sending them.
 */
public final class DrainState {

  private final AtomicBoolean draining = new AtomicBoolean();

  public void startDraining() {
    draining.set(true);
  }

  public boolean isDraining() {
    return draining.get();
  }
}

package io.messageboard.client.feed;

import io.messageboard.domain.feed.FeedSubscription.Delivery;
import io.messageboard.domain.feed.MessageEvent;
import java.time.Duration;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * One subscriber's share of a {@link RemoteFeed#publisher}: a thread of its own takes deliveries
 * from a {@link RemoteSubscription} while the subscriber has demand and signals them in order
 * (Reactive Streams 1.0.4). A signal is made holding a lock that {@link #cancel()} takes too, so
 * once cancel returns nothing more is signalled; a cancel from another thread waits for an {@code
 * onNext} in progress.
 */
final class FeedEmission implements Flow.Subscription, Runnable {

  private static final AtomicInteger THREADS = new AtomicInteger();

  /** How long one wait for a delivery lasts; cancel wakes it earlier by closing the source. */
  private static final Duration POLL = Duration.ofSeconds(1);

  private final RemoteSubscription source;
  private final Flow.Subscriber<? super MessageEvent> subscriber;
  private final AtomicLong demand = new AtomicLong();
  private final Object demanded = new Object();
  private final Object signalling = new Object();
  private volatile boolean cancelled;
  private volatile @Nullable IllegalArgumentException badRequest;

  private FeedEmission(
      RemoteSubscription source, Flow.Subscriber<? super MessageEvent> subscriber) {
    this.source = source;
    this.subscriber = subscriber;
  }

  static void start(RemoteSubscription source, Flow.Subscriber<? super MessageEvent> subscriber) {
    Thread thread =
        new Thread(
            new FeedEmission(source, subscriber),
            "messageboard-feed-publisher-" + THREADS.incrementAndGet());
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void request(long n) {
    if (n <= 0) {
      badRequest =
          new IllegalArgumentException("Reactive Streams §3.9: request must be positive, was " + n);
    } else {
      demand.accumulateAndGet(n, (held, more) -> held + more < 0 ? Long.MAX_VALUE : held + more);
    }
    synchronized (demanded) {
      demanded.notifyAll();
    }
  }

  @Override
  public void cancel() {
    cancelled = true;
    source.close();
    synchronized (demanded) {
      demanded.notifyAll();
    }
    // Waits out a signal in progress on the emitting thread (and is reentrant on it).
    synchronized (signalling) {
      signalling.notifyAll();
    }
  }

  @Override
  public void run() {
    try {
      subscriber.onSubscribe(this);
      emit();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      source.close();
    }
  }

  private void emit() throws InterruptedException {
    while (awaitDemand()) {
      Delivery delivery = source.next(POLL);
      if (delivery instanceof Delivery.Event event) {
        synchronized (signalling) {
          if (cancelled) {
            return;
          }
          demand.decrementAndGet();
          subscriber.onNext(event.event());
        }
      } else if (delivery instanceof Delivery.Reset reset) {
        fail(new FeedResetException(reset.bounds()));
        return;
      } else if (delivery instanceof Delivery.Closed) {
        fail(
            source
                .failure()
                .orElseGet(() -> new IllegalStateException("the feed's subscription ended")));
        return;
      }
    }
  }

  /** Whether to go on: true once there is demand, false when cancelled or misused. */
  private boolean awaitDemand() throws InterruptedException {
    synchronized (demanded) {
      while (demand.get() == 0 && !cancelled && badRequest == null) {
        demanded.wait();
      }
    }
    IllegalArgumentException misuse = badRequest;
    if (misuse != null) {
      fail(misuse);
      return false;
    }
    return !cancelled;
  }

  private void fail(Throwable failure) {
    synchronized (signalling) {
      if (!cancelled) {
        cancelled = true;
        subscriber.onError(failure);
      }
    }
  }
}

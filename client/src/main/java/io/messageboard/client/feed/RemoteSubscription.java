package io.messageboard.client.feed;

import io.messageboard.domain.feed.FeedSubscription;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * A subscription to the service's change feed, read on its own daemon thread into a bounded buffer
 * and resumed by itself when a stream ends or a connection fails.
 *
 * <p>When the buffer is full the thread stops reading the stream until {@link #next} takes a
 * delivery (backpressure): a reader that stays behind long enough is dropped by the service, and
 * the subscription resumes from its last position, so a slow reader costs latency, never an event.
 *
 * <p>When reconnecting fails for longer than the retry deadline, or the service refuses the stream
 * for good (a 4xx other than 429), {@link #next} hands out the events received until then, then
 * {@code Closed(DRAINING)}, as the in-process feed does when its replica stops: a reader that
 * resumes with a new {@code watch} tries again. {@link #failure()} then tells why: the domain
 * exception the service's refusal stands for ({@code FeedBusyException} for {@code feed-busy}, as
 * the in-process {@code watch} throws it), or {@code StorageUnavailableException} when the service
 * could not be reached.
 */
public final class RemoteSubscription implements FeedSubscription {

  private static final AtomicInteger THREADS = new AtomicInteger();
  private static final Delivery.Closed CLOSED = new Delivery.Closed(Reason.CLOSED);

  private final BlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();
  private final Semaphore room;
  private final CountDownLatch started = new CountDownLatch(1);
  private final StreamFollower follower;
  private volatile boolean closed;
  private volatile Delivery.@Nullable Closed ended;
  private volatile @Nullable RuntimeException failure;

  private RemoteSubscription(
      HttpClient http, URI eventsUri, FeedSettings settings, OptionalLong after) {
    this.room = new Semaphore(settings.bufferedEvents());
    this.follower = new StreamFollower(http, eventsUri, settings, after, this);
  }

  /** A subscription to the changes after {@code after} whose thread is reading already. */
  static RemoteSubscription start(
      HttpClient http, URI eventsUri, FeedSettings settings, OptionalLong after) {
    RemoteSubscription subscription = new RemoteSubscription(http, eventsUri, settings, after);
    Thread thread =
        new Thread(subscription.follower, "messageboard-feed-" + THREADS.incrementAndGet());
    thread.setDaemon(true);
    subscription.follower.runOn(thread);
    return subscription;
  }

  @Override
  public Delivery next(Duration wait) throws InterruptedException {
    Delivery.Closed end = ended;
    if (closed) {
      return CLOSED;
    }
    if (end != null) {
      return end;
    }
    Delivery delivery = deliveries.poll(wait.toNanos(), TimeUnit.NANOSECONDS);
    if (closed) {
      return CLOSED;
    }
    if (delivery == null) {
      return new Delivery.Idle();
    }
    if (delivery instanceof Delivery.Closed last) {
      ended = last;
      return last;
    }
    room.release();
    return delivery;
  }

  /** Why the subscription ended by itself; empty while it runs, and when the reader closed it. */
  public Optional<RuntimeException> failure() {
    return Optional.ofNullable(failure);
  }

  /**
   * Stops the reading thread (closing its stream); {@link #next} answers {@code Closed(CLOSED)}.
   */
  @Override
  public void close() {
    closed = true;
    follower.stop();
    deliveries.add(CLOSED);
  }

  /** Hands a delivery to the reader, waiting while the buffer is full. */
  void deliver(Delivery delivery) throws InterruptedException {
    room.acquire();
    deliveries.add(delivery);
  }

  /** Ends the subscription for {@code cause}, after what was delivered. */
  void fail(RuntimeException cause) {
    failure = cause;
    deliveries.add(new Delivery.Closed(Reason.DRAINING));
    started.countDown();
  }

  /** The subscription knows its position: every change from now on will reach it. */
  void started() {
    started.countDown();
  }

  /**
   * Waits until the subscription knows its starting position or has ended, at most {@code wait};
   * whether it did.
   */
  boolean awaitStart(Duration wait) throws InterruptedException {
    return started.await(wait.toNanos(), TimeUnit.NANOSECONDS);
  }
}

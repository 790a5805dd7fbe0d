package io.messageboard.client.feed;

import io.messageboard.domain.feed.MessageEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/** A subscriber that records what it is signalled and requests {@code initial} at subscription. */
final class RecordingSubscriber implements Flow.Subscriber<MessageEvent> {

  private final long initial;
  private final List<MessageEvent> events = new CopyOnWriteArrayList<>();
  private final AtomicReference<@Nullable Throwable> error = new AtomicReference<>();
  private final AtomicReference<Flow.@Nullable Subscription> subscription = new AtomicReference<>();
  private volatile boolean completed;

  RecordingSubscriber(long initial) {
    this.initial = initial;
  }

  @Override
  public void onSubscribe(Flow.Subscription given) {
    subscription.set(given);
    if (initial > 0) {
      given.request(initial);
    }
  }

  @Override
  public void onNext(MessageEvent event) {
    events.add(event);
  }

  @Override
  public void onError(Throwable failure) {
    error.set(failure);
  }

  @Override
  public void onComplete() {
    completed = true;
  }

  List<MessageEvent> events() {
    return List.copyOf(events);
  }

  @Nullable Throwable error() {
    return error.get();
  }

  boolean completed() {
    return completed;
  }

  boolean subscribed() {
    return subscription.get() != null;
  }

  Flow.Subscription subscription() {
    Flow.Subscription given = subscription.get();
    if (given == null) {
      throw new AssertionError("not subscribed yet");
    }
    return given;
  }
}

package io.messageboard.client.feed;

import io.messageboard.domain.failure.StorageUnavailableException;
import io.messageboard.domain.feed.MessageEvent;
import io.messageboard.domain.port.in.WatchMessagesUseCase;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeoutException;

/**
 * Driving port over HTTP: follows the service's change feed ({@code GET /api/v1/messages/events})
 * across lost connections and replicas, each event once and in order.
 */
public final class RemoteFeed implements WatchMessagesUseCase {

  /** The highest position the contract lets a client resume after (18 digits). */
  static final long LAST_POSITION = 999_999_999_999_999_999L;

  private final HttpClient http;
  private final URI eventsUri;
  private final FeedSettings settings;

  /** A feed read from {@code eventsUri}, the events resource's absolute URL. */
  public RemoteFeed(HttpClient http, URI eventsUri, FeedSettings settings) {
    this.http = Objects.requireNonNull(http, "http");
    this.eventsUri = Objects.requireNonNull(eventsUri, "eventsUri");
    this.settings = Objects.requireNonNull(settings, "settings");
    if (!eventsUri.isAbsolute()) {
      throw new IllegalArgumentException("the feed's address must be absolute: " + eventsUri);
    }
  }

  /**
   * Subscribes to the changes after {@code after}, returning at once: the stream is opened on the
   * subscription's thread. Without {@code after}, the changes from now on: it returns once the
   * service has told the subscription where the feed stands, so that every change made after this
   * call returns reaches it, as with the in-process feed. A refusal (even {@code feed-busy} past
   * the retry deadline) ends the subscription as {@link RemoteSubscription} describes, rather than
   * being thrown here.
   */
  @Override
  public RemoteSubscription watch(OptionalLong after) {
    requirePosition(after);
    RemoteSubscription subscription = RemoteSubscription.start(http, eventsUri, settings, after);
    if (after.isEmpty()) {
      awaitStart(subscription);
    }
    return subscription;
  }

  private void awaitStart(RemoteSubscription subscription) {
    try {
      // Bounded by the follower itself: it gives up after the retry deadline, and a stream that
      // opens sends its reset at once or times out as silent.
      if (!subscription.awaitStart(
          settings.retryDeadline().plus(settings.heartbeatTimeout()).multipliedBy(2))) {
        subscription.close();
        throw new StorageUnavailableException(
            "the change feed at " + eventsUri + " did not say where it stands",
            new TimeoutException("no reset in answer to a subscription from now on"));
      }
    } catch (InterruptedException e) {
      subscription.close();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while subscribing to the change feed", e);
    }
  }

  /**
   * The changes after {@code after} (none: from when its stream opens) for each subscriber on a
   * subscription of its own; a reset ends it with {@link FeedResetException}, a failure with the
   * exception {@link RemoteSubscription#failure()} names.
   */
  public Flow.Publisher<MessageEvent> publisher(OptionalLong after) {
    requirePosition(after);
    return subscriber -> {
      Objects.requireNonNull(subscriber, "subscriber");
      // Not watch(): subscribing must not block; "from now on" is then from when the stream opens.
      FeedEmission.start(RemoteSubscription.start(http, eventsUri, settings, after), subscriber);
    };
  }

  private static void requirePosition(OptionalLong after) {
    Objects.requireNonNull(after, "after");
    if (after.isPresent() && (after.getAsLong() < 0 || after.getAsLong() > LAST_POSITION)) {
      throw new IllegalArgumentException(
          "a feed position is 0 to " + LAST_POSITION + ": " + after.getAsLong());
    }
  }
}

package io.messageboard.client.feed;

import io.messageboard.domain.feed.MessageEvent;
import io.messageboard.domain.port.in.WatchMessagesUseCase;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.Flow;

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
   * Subscribes to the changes after {@code after} (none: from the moment the first stream opens),
   * and returns at once: the stream is opened on the subscription's thread, and a refusal (even
   * {@code feed-busy} past the retry deadline) ends the subscription as {@link RemoteSubscription}
   * describes, rather than being thrown here.
   */
  @Override
  public RemoteSubscription watch(OptionalLong after) {
    requirePosition(after);
    return RemoteSubscription.start(http, eventsUri, settings, after);
  }

  /**
   * The changes after {@code after} (none: from now on) for each subscriber on a subscription of
   * its own; a reset ends it with {@link FeedResetException}, a failure with the exception {@link
   * RemoteSubscription#failure()} names.
   */
  public Flow.Publisher<MessageEvent> publisher(OptionalLong after) {
    requirePosition(after);
    return subscriber -> {
      Objects.requireNonNull(subscriber, "subscriber");
      FeedEmission.start(watch(after), subscriber);
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

package io.messageboard.client.feed;

import io.messageboard.client.wire.Failures;
import io.messageboard.client.wire.MalformedResponseException;
import io.messageboard.client.wire.MessageJson;
import io.messageboard.client.wire.Problem;
import io.messageboard.client.wire.RetryAfter;
import io.messageboard.client.wire.UserAgent;
import io.messageboard.domain.failure.StorageUnavailableException;
import io.messageboard.domain.feed.FeedBounds;
import io.messageboard.domain.feed.FeedSubscription.Delivery;
import io.messageboard.domain.feed.MessageEvent;
import io.messageboard.domain.feed.MessageEventKind;
import io.messageboard.domain.model.MessageId;
import java.io.EOFException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The reading thread of a {@link RemoteSubscription}: opens the event stream, hands its events on,
 * and when it ends opens it again after the last position handed on, until the subscription is
 * closed or the retry deadline passes.
 */
final class StreamFollower implements Runnable {

  private final HttpClient http;
  private final URI eventsUri;
  private final FeedSettings settings;
  private final RemoteSubscription into;
  private final Clock clock = Clock.systemUTC();
  private OptionalLong position;
  private volatile boolean stopped;
  private volatile @Nullable Thread thread;
  private volatile @Nullable EventStreamBody body;

  StreamFollower(
      HttpClient http,
      URI eventsUri,
      FeedSettings settings,
      OptionalLong after,
      RemoteSubscription into) {
    this.http = http;
    this.eventsUri = eventsUri;
    this.settings = settings;
    this.position = after;
    this.into = into;
  }

  void runOn(Thread reader) {
    thread = reader;
    reader.start();
  }

  /** Ends the thread soon: wakes it wherever it waits, and closes its stream. */
  void stop() {
    stopped = true;
    Thread reader = thread;
    if (reader != null) {
      reader.interrupt();
    }
    EventStreamBody stream = body;
    if (stream != null) {
      stream.close();
    }
  }

  @Override
  public void run() {
    try {
      follow();
    } catch (InterruptedException closing) {
      // close() stops the thread; nothing is owed to the reader any more.
    } catch (RuntimeException failure) {
      if (!stopped) {
        into.fail(failure);
      }
    }
  }

  private void follow() throws InterruptedException {
    int failures = 0;
    Instant firstFailure = Instant.MAX;
    while (!stopped) {
      RuntimeException giveUpWith;
      Optional<Duration> asked = Optional.empty();
      try {
        HttpResponse<Object> response = http.send(request(), this::bodyFor);
        if (response.body() instanceof EventStreamBody stream) {
          Instant opened = clock.instant();
          OptionalLong before = position;
          IOException ended = read(stream);
          // Only a stream that got somewhere ends the run of failures: one that the service (or a
          // proxy) keeps closing at once is retried with growing pauses, within the deadline.
          if (!position.equals(before)
              || Duration.between(opened, clock.instant()).compareTo(settings.longestBackoff())
                  > 0) {
            failures = 0;
            firstFailure = Instant.MAX;
          }
          giveUpWith = unreachable("ended and could not be resumed", ended);
        } else if (response.statusCode() < 300) {
          throw new MalformedResponseException(
              "the feed answered " + response.statusCode() + " without an event stream", null);
        } else {
          Problem problem =
              Problem.of(
                  response.statusCode(),
                  response.body() instanceof byte[] bytes ? bytes : new byte[0]);
          RuntimeException refusal =
              Failures.of(problem, Optional.empty(), OptionalLong.empty(), false);
          if (!Failures.transientRefusal(problem)) {
            throw refusal;
          }
          giveUpWith = refusal;
          asked = RetryAfter.parse(response.headers().firstValue("Retry-After"), clock.instant());
        }
      } catch (IOException lost) {
        giveUpWith = unreachable("could not be reached", lost);
      }
      if (stopped) {
        return;
      }
      failures++;
      Instant now = clock.instant();
      if (firstFailure.equals(Instant.MAX)) {
        firstFailure = now;
      }
      int inARow = failures;
      Duration pause = asked.orElseGet(() -> settings.backoff(inARow));
      if (now.plus(pause).isAfter(firstFailure.plus(settings.retryDeadline()))) {
        throw giveUpWith;
      }
      Thread.sleep(pause.toMillis());
    }
  }

  private HttpRequest request() {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(eventsUri)
            .GET()
            .timeout(settings.heartbeatTimeout())
            .header("Accept", "text/event-stream")
            .header("User-Agent", UserAgent.VALUE)
            .header("X-Request-Id", "client-" + UUID.randomUUID());
    // From now on: a position the feed never gave is answered with a reset naming the feed's last
    // position, which this subscription takes as its own without handing the reset on. It then
    // knows where it stands before any event, and resumes from there should this stream fail.
    long after = position.orElse(RemoteFeed.LAST_POSITION);
    request.header("Last-Event-ID", Long.toString(after));
    return request.build();
  }

  /** The stream when it is one; any other answer read whole, as the problem it should be. */
  private HttpResponse.BodySubscriber<Object> bodyFor(HttpResponse.ResponseInfo info) {
    if (info.statusCode() == 200
        && info.headers()
            .firstValue("Content-Type")
            .filter(type -> type.startsWith("text/event-stream"))
            .isPresent()) {
      return HttpResponse.BodySubscribers.mapping(
          new EventStreamBody(settings.heartbeatTimeout()), stream -> stream);
    }
    return HttpResponse.BodySubscribers.mapping(
        HttpResponse.BodySubscribers.ofByteArray(), bytes -> bytes);
  }

  /** Reads {@code stream} to its end; returns how it ended. */
  private IOException read(EventStreamBody stream) throws InterruptedException {
    body = stream;
    try (stream) {
      if (!stopped) {
        SseParser parser = new SseParser(stream);
        for (Optional<SseEvent> event = parser.next(); event.isPresent(); event = parser.next()) {
          handle(event.get());
        }
      }
      return new EOFException("the service ended the stream");
    } catch (IOException lost) {
      // A lost connection, a silent stream, or close(): the loop reconnects or stops.
      return lost;
    } finally {
      body = null;
    }
  }

  private void handle(SseEvent event) throws InterruptedException {
    switch (event.type()) {
      case "created" -> message(event, MessageEventKind.CREATED);
      case "edited" -> message(event, MessageEventKind.EDITED);
      case "deleted" -> deleted(event);
      case "reset" -> reset(event);
      default -> {
        // An event type this client does not know: later versions of the feed may add some.
      }
    }
  }

  private void message(SseEvent event, MessageEventKind kind) throws InterruptedException {
    long at = position(event);
    if (isNew(at)) {
      hand(
          at,
          MessageEvent.of(
              at, kind, MessageJson.message(MessageJson.tree(event.data())), clock.instant()));
    }
  }

  private void deleted(SseEvent event) throws InterruptedException {
    long at = position(event);
    if (isNew(at)) {
      var data = MessageJson.tree(event.data());
      hand(
          at,
          MessageEvent.deleted(
              at,
              new MessageId(MessageJson.integer(data, "id")),
              MessageJson.version(data),
              clock.instant()));
    }
  }

  private void reset(SseEvent event) throws InterruptedException {
    var data = MessageJson.tree(event.data());
    FeedBounds bounds;
    try {
      bounds = new FeedBounds(data.path("firstKept").asLong(-1), data.path("last").asLong(-1));
    } catch (IllegalArgumentException e) {
      throw new MalformedResponseException("the feed sent a reset without valid bounds", e);
    }
    if (position.isEmpty()) {
      // The answer to "from now on" (see request()): where this subscription starts.
      position = OptionalLong.of(bounds.last());
      into.started();
      return;
    }
    // The positions before the reset are another log's or gone: the stream goes on after last.
    into.deliver(new Delivery.Reset(bounds));
    position = OptionalLong.of(bounds.last());
  }

  private boolean isNew(long at) {
    return position.isEmpty() || at > position.getAsLong();
  }

  private void hand(long at, MessageEvent event) throws InterruptedException {
    into.deliver(new Delivery.Event(event));
    position = OptionalLong.of(at);
  }

  private static long position(SseEvent event) {
    try {
      long position = Long.parseLong(event.lastEventId());
      if (position >= 1) {
        return position;
      }
    } catch (NumberFormatException e) {
      // Falls through to the refusal below.
    }
    throw new MalformedResponseException(
        "the feed sent a "
            + event.type()
            + " event whose id is no position: "
            + event.lastEventId(),
        null);
  }

  private StorageUnavailableException unreachable(String what, IOException cause) {
    return new StorageUnavailableException(
        "the change feed at " + eventsUri + " " + what + ": " + cause, cause);
  }
}

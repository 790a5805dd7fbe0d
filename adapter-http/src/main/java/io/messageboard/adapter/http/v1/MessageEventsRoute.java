package io.messageboard.adapter.http.v1;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import io.messageboard.adapter.http.request.RequestRejectedException;
import io.messageboard.domain.feed.FeedSubscription;
import io.messageboard.domain.feed.FeedSubscription.Delivery;
import io.messageboard.domain.feed.MessageEvent;
import io.messageboard.domain.port.in.WatchMessagesUseCase;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /api/v1/messages/events}: the change feed as Server-Sent Events. Each event's {@code
 * id:} is its position, {@code event:} its kind ({@code created}, {@code edited}, {@code deleted}),
 * {@code data:} the message as the API shows it (a deletion: its id and the version deleted); a
 * comment every heartbeat keeps idle connections through proxies. {@code Last-Event-ID} (or {@code
 * lastEventId} in the query, for clients that cannot set headers) resumes after that event on any
 * replica; a position the feed no longer holds gets a {@code reset} event, whose id resumes from
 * now on.
 */
public final class MessageEventsRoute {

  public static final String PATH = MessagesV1Routes.COLLECTION + "/events";
  public static final String EVENT_STREAM = "text/event-stream";
  private static final String LAST_EVENT_ID = "Last-Event-ID";
  private static final String LAST_EVENT_ID_PARAMETER = "lastEventId";

  private final WatchMessagesUseCase feed;
  private final Duration heartbeat;
  private final ObjectMapper json = JsonMapper.builder().build();

  /** The feed's route, with a comment on idle streams every {@code heartbeat}. */
  public MessageEventsRoute(WatchMessagesUseCase feed, Duration heartbeat) {
    this.feed = Objects.requireNonNull(feed, "feed");
    this.heartbeat = Objects.requireNonNull(heartbeat, "heartbeat");
  }

  public void register(RoutesConfig routes) {
    routes.get(PATH, this::stream);
  }

  private void stream(Context ctx) {
    if (!acceptsEventStream(ctx.header(Header.ACCEPT))) {
      throw new RequestRejectedException(
          RequestRejectedException.Reason.NOT_ACCEPTABLE,
          "This resource is a stream of Server-Sent Events: send Accept: " + EVENT_STREAM,
          List.of());
    }
    OptionalLong after = lastEventId(ctx);
    // Taken before the stream starts, so that a busy feed is still a 503 with a problem body.
    FeedSubscription subscription = feed.watch(after);
    new SseHandler(0, client -> serve(client, subscription)).handle(ctx);
  }

  /** Whether {@code accept} names the event stream (or text/*) with a quality above zero. */
  static boolean acceptsEventStream(@Nullable String accept) {
    if (accept == null) {
      return false;
    }
    for (String range : accept.split(",", -1)) {
      String[] parts = range.split(";", -1);
      String type = parts[0].strip().toLowerCase(Locale.ROOT);
      if ((type.equals(EVENT_STREAM) || type.equals("text/*")) && quality(parts) > 0) {
        return true;
      }
    }
    return false;
  }

  private static double quality(String[] parameters) {
    for (int i = 1; i < parameters.length; i++) {
      String parameter = parameters[i].strip();
      if (parameter.startsWith("q=")) {
        try {
          return Double.parseDouble(parameter.substring(2));
        } catch (NumberFormatException malformed) {
          return 0;
        }
      }
    }
    return 1;
  }

  /** The position to resume after: the header, else the query parameter, else none (from now). */
  static OptionalLong lastEventId(Context ctx) {
    String header = ctx.header(LAST_EVENT_ID);
    String raw = header != null ? header : ctx.queryParam(LAST_EVENT_ID_PARAMETER);
    if (raw == null) {
      return OptionalLong.empty();
    }
    if (!raw.matches("0|[1-9][0-9]{0,17}")) {
      throw RequestRejectedException.malformed(
          header != null ? LAST_EVENT_ID : LAST_EVENT_ID_PARAMETER,
          "must be the id of an event of this feed: a whole number from 0");
    }
    return OptionalLong.of(Long.parseLong(raw));
  }

  private void serve(SseClient client, FeedSubscription subscription) {
    client.onClose(subscription::close);
    try (subscription) {
      while (!client.terminated()) {
        Delivery delivery = subscription.next(heartbeat);
        if (delivery instanceof Delivery.Event event) {
          send(client, event.event());
        } else if (delivery instanceof Delivery.Reset reset) {
          client.sendEvent(
              "reset",
              json(
                  new FeedEventBodies.Reset(
                      "The feed no longer holds the events after the id you resumed from: read the"
                          + " messages again, then follow this stream",
                      reset.bounds().firstKept(),
                      reset.bounds().last())),
              Long.toString(reset.bounds().last()));
        } else if (delivery instanceof Delivery.Idle) {
          client.sendComment("heartbeat");
        } else {
          return;
        }
      }
    } catch (InterruptedException stopping) {
      Thread.currentThread().interrupt();
    } finally {
      client.close();
    }
  }

  private void send(SseClient client, MessageEvent event) {
    Object data =
        event
            .message()
            .<Object>map(MessageResponse::from)
            .orElseGet(
                () -> new FeedEventBodies.Deleted(event.messageId().value(), event.version()));
    client.sendEvent(
        event.kind().name().toLowerCase(Locale.ROOT), json(data), Long.toString(event.position()));
  }

  private String json(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package io.messageboard.client.testing;

import io.javalin.Javalin;
import io.messageboard.adapter.http.HttpApi;
import io.messageboard.adapter.http.auth.BearerTokens;
import io.messageboard.adapter.http.legacy.LegacyRoutes;
import io.messageboard.adapter.http.v1.MessageEventsRoute;
import io.messageboard.adapter.http.v1.MessagesV1Routes;
import io.messageboard.adapter.persistence.memory.InMemoryIdempotencyKeyRepository;
import io.messageboard.adapter.persistence.memory.InMemoryMessageEventLog;
import io.messageboard.adapter.persistence.memory.InMemoryMessageRepository;
import io.messageboard.application.MessageBoard;
import io.messageboard.application.NoMessageMetrics;
import io.messageboard.application.feed.FeedSettings;
import io.messageboard.application.feed.WatchMessagesService;
import io.messageboard.domain.model.ReplicaId;
import io.messageboard.domain.port.out.FeedMetrics;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * The service as a client meets it, in-process: the real HTTP adapter on a real server over the
 * application, in-memory storage and a change feed pumped every 20 ms.
 */
public final class LiveBoard implements AutoCloseable {

  public static final ReplicaId REPLICA = new ReplicaId("live-board");

  private final MessageBoard board;
  private final WatchMessagesService feed;
  private final ScheduledExecutorService pump;
  private final Javalin server;

  private LiveBoard(List<String> writeTokens, FeedSettings feedSettings, Duration heartbeat) {
    Clock clock = Clock.systemUTC();
    InMemoryMessageEventLog events = new InMemoryMessageEventLog(clock);
    InMemoryMessageRepository messages = new InMemoryMessageRepository(events);
    board =
        MessageBoard.over(
            messages,
            new InMemoryIdempotencyKeyRepository(messages),
            Duration.ofHours(24),
            new NoMessageMetrics(),
            REPLICA,
            clock);
    feed = new WatchMessagesService(events, feedSettings, new UncountedFeed(), clock);
    pump = Executors.newSingleThreadScheduledExecutor();
    var unused = pump.scheduleWithFixedDelay(feed::pump, 20, 20, TimeUnit.MILLISECONDS);
    server =
        HttpApi.create(
                new MessagesV1Routes(board),
                new MessageEventsRoute(feed, heartbeat),
                new LegacyRoutes(REPLICA, board),
                REPLICA,
                writeTokens.isEmpty() ? BearerTokens.none() : BearerTokens.of(writeTokens),
                completed -> {},
                config -> {})
            .start("127.0.0.1", 0);
  }

  /** A board that takes writes from anyone. */
  public static LiveBoard start() {
    return new LiveBoard(List.of(), defaultFeed(), Duration.ofSeconds(15));
  }

  /** A board whose writes need one of {@code writeTokens}. */
  public static LiveBoard withTokens(List<String> writeTokens) {
    return new LiveBoard(writeTokens, defaultFeed(), Duration.ofSeconds(15));
  }

  /** A board whose feed takes these settings and sends heartbeats this often. */
  public static LiveBoard withFeed(FeedSettings settings, Duration heartbeat) {
    return new LiveBoard(List.of(), settings, heartbeat);
  }

  private static FeedSettings defaultFeed() {
    return new FeedSettings(16, 1000, Duration.ofHours(1));
  }

  public URI baseUri() {
    return URI.create("http://127.0.0.1:" + server.port());
  }

  /** The board behind the server, for arranging and checking state directly. */
  public MessageBoard board() {
    return board;
  }

  /** The feed behind the server. */
  public WatchMessagesService feed() {
    return feed;
  }

  /**
   * Ends the feed's streams, waits (a little) for their handlers to return, then stops the server:
   * Javalin mishandles a stream handler that returns after its server stopped.
   */
  @Override
  public void close() {
    feed.close();
    long giveUp = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (feed.subscriptionCount() > 0 && System.nanoTime() < giveUp) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    server.stop();
    pump.shutdownNow();
  }

  /** Feed metrics nobody reads. */
  private static final class UncountedFeed implements FeedMetrics {
    @Override
    public void openSubscriptions(IntSupplier count) {}

    @Override
    public void eventSent(Duration lag) {}

    @Override
    public void eventsDropped(int count) {}
  }
}

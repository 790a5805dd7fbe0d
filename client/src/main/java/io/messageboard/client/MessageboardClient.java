package io.messageboard.client;

import io.messageboard.client.feed.FeedSettings;
import io.messageboard.client.feed.RemoteFeed;
import io.messageboard.client.feed.RemoteSubscription;
import io.messageboard.client.wire.Backoff;
import io.messageboard.client.wire.MalformedResponseException;
import io.messageboard.client.wire.MessageJson;
import io.messageboard.domain.command.DeleteMessageCommand;
import io.messageboard.domain.command.EditMessageCommand;
import io.messageboard.domain.command.PostMessageCommand;
import io.messageboard.domain.feed.MessageEvent;
import io.messageboard.domain.idempotency.IdempotencyKey;
import io.messageboard.domain.idempotency.PostMessageOnceCommand;
import io.messageboard.domain.idempotency.PostOutcome;
import io.messageboard.domain.model.Message;
import io.messageboard.domain.model.MessageId;
import io.messageboard.domain.model.MessagePage;
import io.messageboard.domain.model.PageRequest;
import io.messageboard.domain.port.in.DeleteMessageUseCase;
import io.messageboard.domain.port.in.EditMessageUseCase;
import io.messageboard.domain.port.in.GetMessageUseCase;
import io.messageboard.domain.port.in.ListMessagesUseCase;
import io.messageboard.domain.port.in.PostMessageOnceUseCase;
import io.messageboard.domain.port.in.PostMessageUseCase;
import io.messageboard.domain.port.in.WatchMessagesUseCase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.Flow;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * The running service as the domain's driving ports, over its HTTP API: code written against the
 * in-process {@code MessageBoard} runs unchanged against the service, and failures come back as the
 * same domain exceptions. Every post carries an {@code Idempotency-Key} (one is generated when the
 * caller gives none), so a post whose answer was lost is retried without posting twice; other calls
 * are retried only when that is safe. Thread-safe; one client per service is enough.
 */
public final class MessageboardClient
    implements PostMessageUseCase,
        PostMessageOnceUseCase,
        GetMessageUseCase,
        EditMessageUseCase,
        DeleteMessageUseCase,
        ListMessagesUseCase,
        WatchMessagesUseCase {

  private final ClientSettings settings;
  private final Transport transport;
  private final RemoteFeed feed;

  private MessageboardClient(ClientSettings settings, HttpClient http) {
    this.settings = settings;
    this.transport = new Transport(http, settings, Clock.systemUTC(), Backoff.DEFAULT);
    this.feed =
        new RemoteFeed(
            http,
            settings.resolve(MessagePages.PATH + "/events"),
            FeedSettings.DEFAULT.withRetryDeadline(settings.retryDeadline()));
  }

  /** A client of the service at {@code baseUri}, e.g. {@code https://127.0.0.1:8443}. */
  public static Builder to(URI baseUri) {
    return new Builder(baseUri);
  }

  /** Posts once, under a key of its own: a retry after a lost answer cannot post twice. */
  @Override
  public Message post(PostMessageCommand command) {
    IdempotencyKey key = new IdempotencyKey(UUID.randomUUID().toString());
    return postWithKey(command, key).created();
  }

  /**
   * Posts once per key. The command's client scope is not sent: the service derives it from the
   * bearer token, as it does for every client.
   */
  @Override
  public PostOutcome post(PostMessageOnceCommand command) {
    return postWithKey(command.post(), command.key());
  }

  private PostOutcome postWithKey(PostMessageCommand command, IdempotencyKey key) {
    HttpResponse<byte[]> response =
        transport.send(
            new Exchange(
                "POST",
                MessagePages.PATH,
                Map.of("Idempotency-Key", quoted(key)),
                MessageJson.newMessage(command.id(), command.text()),
                RetrySafety.REPEATABLE,
                command.id(),
                OptionalLong.empty()));
    expect(response, 201);
    boolean replayed =
        response.headers().firstValue("Idempotent-Replayed").filter("true"::equals).isPresent();
    return new PostOutcome(MessageJson.message(MessageJson.tree(response.body())), replayed);
  }

  @Override
  public Message get(MessageId id) {
    HttpResponse<byte[]> response = transport.send(Exchange.read(pathOf(id), Optional.of(id)));
    expect(response, 200);
    return MessageJson.message(MessageJson.tree(response.body()));
  }

  @Override
  public Message edit(EditMessageCommand command) {
    HttpResponse<byte[]> response =
        transport.send(
            Exchange.change(
                "PUT",
                pathOf(command.id()),
                MessageJson.edit(command.text()),
                command.id(),
                command.expectedVersion()));
    expect(response, 200);
    return MessageJson.message(MessageJson.tree(response.body()));
  }

  @Override
  public void delete(DeleteMessageCommand command) {
    HttpResponse<byte[]> response =
        transport.send(
            Exchange.change(
                "DELETE", pathOf(command.id()), null, command.id(), command.expectedVersion()));
    expect(response, 204);
  }

  @Override
  public MessagePage list(PageRequest request) {
    return page(MessagePages.pathOf(request)).page();
  }

  /**
   * Every message in id order, read a page of {@link PageRequest#MAX_LIMIT} at a time as the
   * iteration reaches it, following the service's {@code next} links; a message posted during the
   * walk with an id beyond the current page is included.
   */
  public Iterable<Message> allMessages() {
    return () ->
        new PageWalk(MessagePages.pathOf(PageRequest.first(PageRequest.MAX_LIMIT)), this::page);
  }

  private MessagePages.Linked page(String pathAndQuery) {
    HttpResponse<byte[]> response = transport.send(Exchange.read(pathAndQuery, Optional.empty()));
    expect(response, 200);
    return MessagePages.read(response.body());
  }

  /**
   * Follows the board's changes as they commit, on its own thread, resuming after lost connections
   * with the last position it handed on, so nothing is missed or handed on twice. Without {@code
   * after}, the changes from now on: it returns once the service has said where the feed stands.
   * See {@link RemoteSubscription} for how a subscription ends.
   */
  @Override
  public RemoteSubscription watch(OptionalLong after) {
    return feed.watch(after);
  }

  /**
   * The changes after {@code after} (none: from when the stream opens) as a Reactive Streams
   * publisher: demand is honoured, cancelling closes the stream, a reset ends it with {@link
   * io.messageboard.client.feed.FeedResetException}.
   */
  public Flow.Publisher<MessageEvent> events(OptionalLong after) {
    return feed.publisher(after);
  }

  /** Where the client sends its calls. */
  public URI baseUri() {
    return settings.baseUri();
  }

  private static String pathOf(MessageId id) {
    return MessagePages.PATH + "/" + id.value();
  }

  /** The key as an RFC 8941 String, the form the idempotency-key draft defines. */
  static String quoted(IdempotencyKey key) {
    return "\"" + key.value().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static void expect(HttpResponse<byte[]> response, int status) {
    if (response.statusCode() != status) {
      throw new MalformedResponseException(
          "expected HTTP "
              + status
              + " from "
              + response.request().method()
              + " "
              + response.uri()
              + ", got "
              + response.statusCode(),
          null);
    }
  }

  /** Settings of a client; {@link #build} makes it. */
  public static final class Builder {
    private final URI baseUri;
    private @Nullable String bearerToken;
    private Duration requestTimeout = Duration.ofSeconds(10);
    private Duration retryDeadline = Duration.ofSeconds(15);
    private @Nullable SSLContext tls;
    private @Nullable HttpClient http;

    private Builder(URI baseUri) {
      this.baseUri = Objects.requireNonNull(baseUri, "baseUri");
    }

    /** The token sent with every write ({@code Authorization: Bearer …}); reads go without. */
    public Builder bearerToken(String token) {
      this.bearerToken = Objects.requireNonNull(token, "token");
      return this;
    }

    /** How long one attempt may take, answer included (10 s unless set). */
    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /**
     * How long a call may go on retrying, waits included (15 s unless set); zero makes one attempt
     * only. A wait the service asks for ({@code Retry-After}) that would end past it is not waited.
     */
    public Builder retryDeadline(Duration deadline) {
      this.retryDeadline = Objects.requireNonNull(deadline, "deadline");
      return this;
    }

    /** Trusts only the CA certificates of this PEM file for HTTPS (e.g. the local stack's CA). */
    public Builder trustedCertificates(Path pemFile) {
      this.tls = CertificateAuthorities.trusting(pemFile);
      return this;
    }

    /** The HTTP client to send with, for settings this builder does not have (proxy, executor). */
    public Builder httpClient(HttpClient client) {
      this.http = Objects.requireNonNull(client, "client");
      return this;
    }

    public MessageboardClient build() {
      ClientSettings settings =
          new ClientSettings(
              baseUri, Optional.ofNullable(bearerToken), requestTimeout, retryDeadline);
      return new MessageboardClient(settings, http != null ? http : defaultHttpClient());
    }

    private HttpClient defaultHttpClient() {
      HttpClient.Builder builder =
          HttpClient.newBuilder()
              .connectTimeout(Duration.ofSeconds(5))
              .followRedirects(HttpClient.Redirect.NEVER);
      if (tls != null) {
        builder.sslContext(tls);
      }
      return builder.build();
    }
  }
}

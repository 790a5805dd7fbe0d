package io.messageboard.client;

import io.messageboard.client.wire.Backoff;
import io.messageboard.client.wire.Failures;
import io.messageboard.client.wire.Problem;
import io.messageboard.client.wire.RetryAfter;
import io.messageboard.client.wire.UserAgent;
import io.messageboard.domain.failure.OutcomeUnknownException;
import io.messageboard.domain.failure.StorageUnavailableException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Sends an {@link Exchange}, repeating it while that is safe and the service asks for patience,
 * until the call's deadline; answers the first success, or the exception the last refusal stands
 * for.
 */
final class Transport {

  /** Refusals that promise the request did nothing, so any request may be sent again. */
  private static final Set<String> NOTHING_DONE =
      Set.of(
          "storage-unavailable",
          "storage-conflict",
          "replica-unavailable",
          "feed-busy",
          "edit-contention",
          "idempotency-key-in-use");

  private final HttpClient http;
  private final ClientSettings settings;
  private final Clock clock;
  private final Backoff backoff;

  Transport(HttpClient http, ClientSettings settings, Clock clock, Backoff backoff) {
    this.http = http;
    this.settings = settings;
    this.clock = clock;
    this.backoff = backoff;
  }

  /** A 2xx or 304 answer to {@code exchange}. */
  HttpResponse<byte[]> send(Exchange exchange) {
    Instant deadline = clock.instant().plus(settings.retryDeadline());
    String requestId = "client-" + UUID.randomUUID();
    boolean mayHaveApplied = false;
    for (int attempt = 1; ; attempt++) {
      Duration timeout = shorter(settings.requestTimeout(), untilDeadline(deadline));
      Attempt outcome = attempt(exchange, requestId, timeout);
      if (outcome instanceof Answered answered) {
        HttpResponse<byte[]> response = answered.response();
        if (response.statusCode() < 400) {
          return response;
        }
        Problem problem = Problem.of(response.statusCode(), response.body());
        Optional<Duration> wait = retryAfter(response);
        if (!repeatable(exchange, problem)) {
          throw Failures.of(problem, exchange.about(), exchange.expectedVersion(), mayHaveApplied);
        }
        Duration pause = wait.orElseGet(backoff.after(attempt));
        if (!fitsBefore(deadline, pause)) {
          throw Failures.of(problem, exchange.about(), exchange.expectedVersion(), mayHaveApplied);
        }
        pause(pause);
        continue;
      }
      IOException lost = ((Lost) outcome).failure();
      boolean sent =
          !(lost instanceof ConnectException || lost instanceof HttpConnectTimeoutException);
      if (sent && exchange.writes()) {
        if (exchange.safety() == RetrySafety.ONLY_IF_NOT_DONE) {
          throw new OutcomeUnknownException(lostMessage(exchange, lost), lost);
        }
        mayHaveApplied = true;
      }
      Duration pause = backoff.after(attempt).get();
      if (!fitsBefore(deadline, pause)) {
        throw mayHaveApplied
            ? new OutcomeUnknownException(lostMessage(exchange, lost), lost)
            : new StorageUnavailableException(
                "the service at " + settings.baseUri() + " could not be reached: " + lost, lost);
      }
      pause(pause);
    }
  }

  private Attempt attempt(Exchange exchange, String requestId, Duration timeout) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(settings.resolve(exchange.pathAndQuery()))
            .timeout(timeout)
            .header("Accept", "application/json, application/problem+json")
            .header("User-Agent", UserAgent.VALUE)
            .header("X-Request-Id", requestId);
    exchange.headers().forEach(request::header);
    if (exchange.writes()) {
      settings.bearerToken().ifPresent(token -> request.header("Authorization", "Bearer " + token));
    }
    String body = exchange.jsonBody();
    if (body != null) {
      request.header("Content-Type", "application/json");
      request.method(
          exchange.method(), HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    } else {
      request.method(exchange.method(), HttpRequest.BodyPublishers.noBody());
    }
    try {
      return new Answered(http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray()));
    } catch (IOException e) {
      return new Lost(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while calling " + exchange.method(), e);
    }
  }

  private static boolean repeatable(Exchange exchange, Problem problem) {
    if (problem.status() == 429 || NOTHING_DONE.contains(problem.kind())) {
      return true;
    }
    return exchange.safety() == RetrySafety.REPEATABLE && Failures.transientRefusal(problem);
  }

  private Optional<Duration> retryAfter(HttpResponse<byte[]> response) {
    return RetryAfter.parse(response.headers().firstValue("Retry-After"), clock.instant());
  }

  private boolean fitsBefore(Instant deadline, Duration pause) {
    return !clock.instant().plus(pause).isAfter(deadline);
  }

  private Duration untilDeadline(Instant deadline) {
    Duration left = Duration.between(clock.instant(), deadline);
    return left.compareTo(Duration.ofMillis(100)) < 0 ? Duration.ofMillis(100) : left;
  }

  private static Duration shorter(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static void pause(Duration pause) {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting to retry", e);
    }
  }

  private String lostMessage(Exchange exchange, IOException lost) {
    return "the connection to "
        + settings.baseUri()
        + " was lost after the "
        + exchange.method()
        + " was sent, so it may or may not have taken effect: "
        + lost;
  }

  /** What one attempt came to. */
  private sealed interface Attempt permits Answered, Lost {}

  /** The service answered (any status). */
  private record Answered(HttpResponse<byte[]> response) implements Attempt {}

  /** No answer: the connection failed or the attempt timed out. */
  private record Lost(IOException failure) implements Attempt {}
}

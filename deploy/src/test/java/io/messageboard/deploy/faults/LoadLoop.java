package io.messageboard.deploy.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * Bounded load on loopback: a few workers send requests at a fixed pace until a deadline, then stop
 * by themselves; every outcome is kept for the test to judge.
 */
final class LoadLoop {

  /** One request to send; {@code body} is JSON or null; {@code headers} go with it. */
  record Request(String method, String path, String body, Map<String, String> headers) {
    Request(String method, String path, String body) {
      this(method, path, body, Map.of());
    }

    static Request get(String path) {
      return new Request("GET", path, null);
    }
  }

  /**
   * What came back: a status, or -1 when the connection failed, when it was sent ({@link
   * System#nanoTime()}) and how long it took; {@code resent} when the first try met a kept-alive
   * connection that closed before any response byte.
   */
  record Outcome(
      Request request,
      int status,
      long startedNanos,
      long millis,
      String body,
      String retryAfter,
      boolean resent) {
    boolean connectionFailed() {
      return status < 0;
    }

    /** When the answer came, as {@link System#nanoTime()}. */
    long answeredNanos() {
      return startedNanos + TimeUnit.MILLISECONDS.toNanos(millis);
    }
  }

  private final String baseUrl;
  private final String writeToken;
  private final int workers;
  private final int requestsPerSecondPerWorker;
  private final LongFunction<Request> requests;
  private final AtomicLong sequence = new AtomicLong();
  private final AtomicBoolean stopped = new AtomicBoolean();
  private final List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
  private Consumer<Outcome> observer = outcome -> {};
  private ExecutorService executor;
  private List<Future<?>> running = List.of();

  /** {@code writeToken} goes with every request that is not a GET, as the stack requires. */
  LoadLoop(
      String baseUrl,
      String writeToken,
      int workers,
      int requestsPerSecondPerWorker,
      LongFunction<Request> requests) {
    this.baseUrl = baseUrl;
    this.writeToken = writeToken;
    this.workers = workers;
    this.requestsPerSecondPerWorker = requestsPerSecondPerWorker;
    this.requests = requests;
  }

  /**
   * Has {@code observer} see each outcome as it comes, from the worker that sent it (so a workload
   * can base its next requests on earlier answers); call before {@link #start}.
   */
  LoadLoop observing(Consumer<Outcome> observer) {
    this.observer = observer;
    return this;
  }

  /** Starts the workers; they stop on their own after {@code duration}. */
  LoadLoop start(Duration duration) {
    long deadline = System.nanoTime() + duration.toNanos();
    executor = Executors.newFixedThreadPool(workers);
    List<Future<?>> futures = new ArrayList<>();
    for (int i = 0; i < workers; i++) {
      futures.add(executor.submit(() -> work(deadline)));
    }
    running = futures;
    return this;
  }

  /** Waits for the workers to reach their deadline and returns every outcome. */
  LoadFigures finish() throws Exception {
    for (Future<?> worker : running) {
      worker.get();
    }
    executor.shutdown();
    executor.awaitTermination(10, TimeUnit.SECONDS);
    synchronized (outcomes) {
      return new LoadFigures(List.copyOf(outcomes));
    }
  }

  /** Stops the workers before their deadline, then returns every outcome as {@link #finish}. */
  LoadFigures stop() throws Exception {
    stopped.set(true);
    return finish();
  }

  /** How many requests the workers have begun so far. */
  long begun() {
    return sequence.get();
  }

  private void work(long deadline) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long pauseNanos = TimeUnit.SECONDS.toNanos(1) / requestsPerSecondPerWorker;
    long next = System.nanoTime();
    while (System.nanoTime() < deadline && !stopped.get()) {
      Outcome outcome = send(http, requests.apply(sequence.incrementAndGet()));
      observer.accept(outcome);
      outcomes.add(outcome);
      next += pauseNanos;
      long wait = next - System.nanoTime();
      if (wait > 0) {
        sleep(wait);
      } else {
        next = System.nanoTime();
      }
    }
  }

  // A kept-alive connection the server closes just as the client reuses it fails before any
  // response byte (nginx closes idle connections when it reloads). Like browsers and HTTP
  // libraries, the loop sends such a request once more, on a new connection, and says so.
  private Outcome send(HttpClient http, Request request) {
    Outcome first = sendOnce(http, request, false);
    if (first.connectionFailed() && first.body().contains("received no bytes")) {
      return sendOnce(http, request, true);
    }
    return first;
  }

  private Outcome sendOnce(HttpClient http, Request request, boolean resent) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(baseUrl + request.path()))
            .timeout(Duration.ofSeconds(30))
            .method(
                request.method(),
                request.body() == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8));
    if (request.body() != null) {
      builder.header("Content-Type", "application/json");
    }
    request.headers().forEach(builder::header);
    if (!request.method().equals("GET")) {
      builder.header("Authorization", "Bearer " + writeToken);
    }
    long started = System.nanoTime();
    try {
      HttpResponse<String> response =
          http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Outcome(
          request,
          response.statusCode(),
          started,
          elapsedMillis(started),
          response.body(),
          response.headers().firstValue("Retry-After").orElse(null),
          resent);
    } catch (IOException e) {
      return new Outcome(request, -1, started, elapsedMillis(started), e.toString(), null, resent);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome(request, -1, started, elapsedMillis(started), "interrupted", null, resent);
    }
  }

  private static long elapsedMillis(long startedNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
  }

  private static void sleep(long nanos) {
    try {
      TimeUnit.NANOSECONDS.sleep(nanos);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

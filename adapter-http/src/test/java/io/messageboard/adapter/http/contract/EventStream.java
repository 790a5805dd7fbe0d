package io.messageboard.adapter.http.contract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A test's client of the change feed ({@code GET /api/v1/messages/events}): opens the stream and
 * parses what arrives into events (id, type, data) and comments on a thread of its own, for the
 * test to take with a deadline. Over HTTPS it trusts what the JVM's default SSL context trusts.
 */
public final class EventStream implements AutoCloseable {

  /** One Server-Sent Event, or a comment (type {@code :comment}). */
  public record Event(@Nullable String id, String type, String data) {}

  /** When the event arrived, by this JVM's clock. */
  public record Arrival(Event event, Instant at) {}

  private final HttpResponse<InputStream> response;
  private final BlockingQueue<Arrival> arrived = new LinkedBlockingQueue<>();
  private final Thread reader;

  private EventStream(HttpResponse<InputStream> response) {
    this.response = response;
    this.reader = new Thread(this::read, "test-event-stream");
    reader.setDaemon(true);
    reader.start();
  }

  /** The stream of the service at {@code base} (e.g. {@code http://127.0.0.1:8000}). */
  public static EventStream open(String base, Map<String, String> headers) {
    return open(base, "", headers);
  }

  /** The stream with {@code query} (e.g. {@code ?lastEventId=3}) after its path. */
  public static EventStream open(String base, String query, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + "/api/v1/messages/events" + query))
            .header("Accept", "text/event-stream");
    headers.forEach(request::header);
    try {
      HttpResponse<InputStream> response =
          HttpClient.newHttpClient()
              .send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      return new EventStream(response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public HttpResponse<InputStream> response() {
    return response;
  }

  private void read() {
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      String id = null;
      String type = "message";
      List<String> data = new ArrayList<>();
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.isEmpty()) {
          if (!data.isEmpty()) {
            arrived.add(new Arrival(new Event(id, type, String.join("\n", data)), Instant.now()));
          }
          id = null;
          type = "message";
          data.clear();
        } else if (line.startsWith(":")) {
          arrived.add(
              new Arrival(new Event(null, ":comment", line.substring(1).strip()), Instant.now()));
        } else if (line.startsWith("id:")) {
          id = line.substring(3).strip();
        } else if (line.startsWith("event:")) {
          type = line.substring(6).strip();
        } else if (line.startsWith("data:")) {
          data.add(line.substring(5).strip());
        }
      }
    } catch (IOException closed) {
      // The stream ended; what arrived stays to be taken.
    }
  }

  /** The next event that is not a comment, waiting up to {@code wait}; null if none came. */
  public @Nullable Event nextEvent(Duration wait) throws InterruptedException {
    Arrival arrival = nextArrival(wait);
    return arrival == null ? null : arrival.event();
  }

  /** The next event that is not a comment and when it came, waiting up to {@code wait}. */
  public @Nullable Arrival nextArrival(Duration wait) throws InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    while (true) {
      Arrival arrival =
          arrived.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (arrival == null || !arrival.event().type().equals(":comment")) {
        return arrival;
      }
    }
  }

  /** The next item, comments included, waiting up to {@code wait}; null if none came. */
  public @Nullable Event next(Duration wait) throws InterruptedException {
    Arrival arrival = arrived.poll(wait.toNanos(), TimeUnit.NANOSECONDS);
    return arrival == null ? null : arrival.event();
  }

  /** Whether the server ended the stream within {@code wait}. */
  public boolean endsWithin(Duration wait) throws InterruptedException {
    reader.join(wait.toMillis());
    return !reader.isAlive();
  }

  @Override
  public void close() throws IOException {
    response.body().close();
  }
}

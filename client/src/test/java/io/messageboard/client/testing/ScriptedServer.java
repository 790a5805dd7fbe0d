package io.messageboard.client.testing;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An HTTP server that answers from a script, one answer per request in order, and records what it
 * was sent: for the client's behaviour on answers a healthy service rarely gives (refusals, lost
 * connections).
 */
public final class ScriptedServer implements AutoCloseable {

  private final HttpServer server;
  private final ConcurrentLinkedQueue<Answer> script = new ConcurrentLinkedQueue<>();
  private final List<Received> received = new CopyOnWriteArrayList<>();

  public ScriptedServer() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::answer);
    server.start();
  }

  public URI baseUri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Adds the next answer. */
  public ScriptedServer then(Answer answer) {
    script.add(answer);
    return this;
  }

  /** Every request so far, in order. */
  public List<Received> received() {
    return List.copyOf(received);
  }

  private void answer(HttpExchange exchange) throws IOException {
    received.add(
        new Received(
            exchange.getRequestMethod(),
            exchange.getRequestURI().toString(),
            exchange.getRequestHeaders(),
            new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
    Answer answer = script.poll();
    if (answer == null || answer.status() == 0) {
      // No answer: the connection goes away, as when a replica dies mid-request.
      exchange.close();
      return;
    }
    byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
    answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
    exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }

  /** What the server answers to one request; status 0 closes the connection instead. */
  public record Answer(int status, Map<String, String> headers, String body) {

    public static Answer dropConnection() {
      return new Answer(0, Map.of(), "");
    }

    /** A problem document of {@code kind} with this status and optional Retry-After. */
    public static Answer problem(int status, String kind, String retryAfter) {
      String json =
          "{\"type\":\"urn:messageboard:problem:%s\",\"title\":\"%s\",\"status\":%d,\"detail\":\"scripted %s\",\"instance\":\"/\",\"requestId\":\"r-1\"}"
              .formatted(kind, kind, status, kind);
      return new Answer(
          status,
          retryAfter.isEmpty()
              ? Map.of("Content-Type", "application/problem+json")
              : Map.of("Content-Type", "application/problem+json", "Retry-After", retryAfter),
          json);
    }

    /** A message JSON with status {@code status}. */
    public static Answer message(int status, int id, long version) {
      String json =
          "{\"id\":%d,\"text\":\"t\",\"replica\":\"r\",\"createdAt\":\"2026-01-01T00:00:00Z\",\"updatedAt\":\"2026-01-01T00:00:00Z\",\"version\":%d}"
              .formatted(id, version);
      return new Answer(status, Map.of("Content-Type", "application/json"), json);
    }
  }

  /** One request as the server got it. */
  public record Received(String method, String uri, Headers headers, String body) {

    public String header(String name) {
      String value = headers.getFirst(name);
      return value == null ? "" : value;
    }
  }
}

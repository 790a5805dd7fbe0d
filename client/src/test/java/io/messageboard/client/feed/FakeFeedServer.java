package io.messageboard.client.feed;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A server that misbehaves on purpose: each request to the feed gets what the test's script says
 * for that attempt, and {@link #silence()} holds a stream open without a byte until the server
 * closes.
 */
final class FakeFeedServer implements AutoCloseable {

  /** What the server does with the {@code attempt}-th request (from 1). */
  interface Script {
    void answer(HttpExchange exchange, int attempt) throws IOException, InterruptedException;
  }

  static final String PATH = "/api/v1/messages/events";

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final List<HttpExchange> requests = new CopyOnWriteArrayList<>();

  FakeFeedServer(Script script) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(threads);
    server.createContext(
        PATH,
        exchange -> {
          requests.add(exchange);
          try (exchange) {
            script.answer(exchange, requests.size());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    server.start();
  }

  URI eventsUri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + PATH);
  }

  /** The requests so far, in order. */
  List<HttpExchange> requests() {
    return List.copyOf(requests);
  }

  /** Starts an event stream. */
  static OutputStream stream(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
    exchange.sendResponseHeaders(200, 0);
    return exchange.getResponseBody();
  }

  static void write(OutputStream stream, String text) throws IOException {
    stream.write(text.getBytes(StandardCharsets.UTF_8));
    stream.flush();
  }

  /** An event as the service writes a message's. */
  static String created(long position, int id) {
    return "id: "
        + position
        + "\nevent: created\ndata: {\"id\":"
        + id
        + ",\"text\":\"m"
        + id
        + "\",\"replica\":\"fake\",\"createdAt\":\"2026-01-01T00:00:00Z\","
        + "\"updatedAt\":\"2026-01-01T00:00:00Z\",\"version\":1}\n\n";
  }

  /** Keeps the stream open and silent until the server closes (which interrupts it). */
  static void silence() throws InterruptedException {
    new CountDownLatch(1).await();
  }

  /** Refuses with a problem document. */
  static void refuse(HttpExchange exchange, int status, String kind) throws IOException {
    byte[] body =
        ("{\"type\":\"urn:messageboard:problem:"
                + kind
                + "\",\"title\":\"t\",\"status\":"
                + status
                + ",\"detail\":\"refused by the fake\"}")
            .getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}

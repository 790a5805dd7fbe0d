package io.messageboard.deploy.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An Alertmanager webhook receiver on loopback: keeps every notification POSTed to it, with the
 * path it came to (one per receiver) and when it arrived.
 */
final class WebhookReceiver implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One notification: the path it was sent to, its JSON body and its arrival (nanoTime). */
  record Notification(String path, JsonNode body, long arrivedNanos) {

    /** The alert of this notification named {@code alertname} with label {@code key=value}. */
    Optional<JsonNode> alert(String alertname, String key, String value) {
      for (JsonNode alert : body.path("alerts")) {
        JsonNode labels = alert.path("labels");
        if (alertname.equals(labels.path("alertname").asText())
            && value.equals(labels.path(key).asText())) {
          return Optional.of(alert);
        }
      }
      return Optional.empty();
    }
  }

  private final HttpServer server;
  private final List<Notification> received = new CopyOnWriteArrayList<>();

  WebhookReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.createContext(
        "/",
        exchange -> {
          try (InputStream body = exchange.getRequestBody()) {
            received.add(
                new Notification(
                    exchange.getRequestURI().getPath(),
                    JSON.readTree(body.readAllBytes()),
                    System.nanoTime()));
          } finally {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
          }
        });
    server.start();
  }

  /** The URL Alertmanager posts a receiver's notifications to. */
  String url(String receiver) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + receiver;
  }

  /**
   * The first notification to {@code receiver} after {@code sinceNanos} that holds alert {@code
   * alertname} with label {@code key=value} in status {@code status}.
   */
  Optional<Notification> first(
      String receiver, String alertname, String key, String value, String status, long sinceNanos) {
    return received.stream()
        .filter(notification -> notification.path().equals("/" + receiver))
        .filter(notification -> notification.arrivedNanos() >= sinceNanos)
        .filter(
            notification ->
                notification
                    .alert(alertname, key, value)
                    .filter(alert -> status.equals(alert.path("status").asText()))
                    .isPresent())
        .findFirst();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}

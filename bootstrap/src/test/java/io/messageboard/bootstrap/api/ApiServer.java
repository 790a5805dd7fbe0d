package io.messageboard.bootstrap.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.messageboard.adapter.http.contract.ApiClient;
import io.messageboard.bootstrap.Application;
import io.messageboard.bootstrap.config.Settings;
import io.messageboard.bootstrap.config.TestSettings;
import java.util.ArrayList;
import java.util.List;

/** The whole service on free ports, in memory, with a contract-checking client. */
final class ApiServer implements AutoCloseable {

  private final Application application;
  private final ApiClient client;

  private ApiServer(Settings settings) {
    application = new Application(settings).start();
    client = new ApiClient("http://127.0.0.1:" + application.httpPort());
  }

  static ApiServer inMemory() {
    return new ApiServer(TestSettings.inMemory());
  }

  ApiClient client() {
    return client;
  }

  int port() {
    return application.httpPort();
  }

  /** Every stored message as the API shows it, versions and timestamps included, in id order. */
  List<JsonNode> snapshot() {
    List<JsonNode> all = new ArrayList<>();
    String next = "/api/v1/messages?limit=500";
    while (next != null) {
      JsonNode page = client.get(next).json();
      page.path("items").forEach(all::add);
      next = page.path("next").isNull() ? null : page.path("next").asText();
    }
    return all;
  }

  @Override
  public void close() {
    application.stop();
  }
}

package io.messageboard.deploy.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.OptionalDouble;

/** Instant queries against the stack's Prometheus. */
final class PrometheusQueries {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String prometheusUrl;

  PrometheusQueries(String prometheusUrl) {
    this.prometheusUrl = prometheusUrl;
  }

  /** The value of a query that yields one series, empty when it yields none. */
  OptionalDouble value(String promql) throws IOException, InterruptedException {
    String url =
        prometheusUrl + "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8);
    HttpResponse<byte[]> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url)).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    JsonNode result = JSON.readTree(response.body()).path("data").path("result");
    if (result.isEmpty()) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(result.get(0).get("value").get(1).asDouble());
  }
}

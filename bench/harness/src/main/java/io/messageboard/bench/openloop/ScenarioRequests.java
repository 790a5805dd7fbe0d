package io.messageboard.bench.openloop;

import io.messageboard.bench.plan.Scenario;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The requests of one sender, as the scenario's wrk script makes them (bench/wrk/*.lua): GET by id
 * picks an id at random among the loaded rows; POST sends a text unique to the run, the sender and
 * its count, with the bearer token when one is given.
 */
public final class ScenarioRequests {

  private final Scenario scenario;
  private final String host;
  private final int rows;
  private final String apiToken;
  private final String run;
  private final int sender;
  private long sequence;

  /**
   * HOST is the Host header; RUN tells this run's texts from earlier ones (wrk's scripts use the
   * start second); SENDER numbers the connection from 1, as wrk numbers its threads.
   */
  public ScenarioRequests(
      Scenario scenario, String host, int rows, String apiToken, String run, int sender) {
    this.scenario = scenario;
    this.host = host;
    this.rows = rows;
    this.apiToken = apiToken;
    this.run = run;
    this.sender = sender;
  }

  /** The next request's bytes, request line to body. */
  public byte[] next() {
    String request =
        switch (scenario) {
          case GET_BY_ID ->
              head("GET", "/api/v1/messages/" + ThreadLocalRandom.current().nextInt(1, rows + 1))
                  + "\r\n";
          case POST -> post();
          case PAGE, PUT, MIX, LEGACY_GET ->
              throw new IllegalArgumentException(
                  "the open loop sends GET by id and POST only, not " + scenario.id());
        };
    return request.getBytes(StandardCharsets.UTF_8);
  }

  private String post() {
    sequence++;
    String body = "{\"text\":\"bench " + run + "-" + sender + "-" + sequence + "\"}";
    String token = apiToken.isEmpty() ? "" : "Authorization: Bearer " + apiToken + "\r\n";
    return head("POST", "/api/v1/messages")
        + "Content-Type: application/json\r\n"
        + token
        + "Content-Length: "
        + body.getBytes(StandardCharsets.UTF_8).length
        + "\r\n\r\n"
        + body;
  }

  private String head(String method, String path) {
    return method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\n";
  }
}

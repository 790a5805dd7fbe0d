package io.messageboard.client.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.messageboard.client.MessageboardClient;
import io.messageboard.client.testing.LiveBoard;
import io.messageboard.client.testing.ValidatingHttpClient;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * The contract through the client, over the real HTTP adapter: the same behaviour as in-process,
 * with every exchange checked against openapi.yaml.
 */
class ClientDrivingPortsTest extends DrivingPortsContract {

  private static final String TOKEN = "contract-suite-token-0123456789";

  private static LiveBoard live;
  private static ValidatingHttpClient http;
  private static MessageboardClient client;

  @BeforeAll
  static void start() {
    live = LiveBoard.withTokens(List.of(TOKEN));
    http = ValidatingHttpClient.overDefault();
    client = MessageboardClient.to(live.baseUri()).bearerToken(TOKEN).httpClient(http).build();
  }

  @AfterAll
  static void stop() {
    live.close();
  }

  @AfterEach
  void everyExchangeFollowedTheContract() {
    assertThat(http.violations()).isEmpty();
  }

  @Override
  protected DrivingPorts ports() {
    return new DrivingPorts(client, client, client, client, client, client, client);
  }
}

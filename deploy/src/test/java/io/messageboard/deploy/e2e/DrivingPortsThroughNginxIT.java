package io.messageboard.deploy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.messageboard.client.MessageboardClient;
import io.messageboard.client.contract.DrivingPorts;
import io.messageboard.client.contract.DrivingPortsContract;
import io.messageboard.client.testing.ValidatingHttpClient;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;

/**
 * The driving-port contract on the live stack, through nginx over TLS with the stack's token: the
 * same behaviour as the in-process board, every exchange checked against openapi.yaml.
 */
class DrivingPortsThroughNginxIT extends DrivingPortsContract {

  private static final StackUnderTest STACK = StackUnderTest.fromSystemProperties();
  private static final ValidatingHttpClient HTTP = ValidatingHttpClient.overDefault();
  private static final MessageboardClient CLIENT =
      MessageboardClient.to(URI.create(STACK.baseUrl()))
          .bearerToken(STACK.apiToken())
          .httpClient(HTTP)
          .build();

  @AfterEach
  void everyExchangeFollowedTheContract() {
    assertThat(HTTP.violations()).isEmpty();
  }

  @Override
  protected DrivingPorts ports() {
    return new DrivingPorts(CLIENT, CLIENT, CLIENT, CLIENT, CLIENT, CLIENT, CLIENT);
  }
}

package io.messageboard.bootstrap.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar bound beyond loopback with no tokens refuses to start, with one line naming the
 * two ways out, instead of taking writes from anyone on the network.
 */
class AnonymousWritesFromTheNetworkIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  @Test
  void bindingEveryInterfaceWithoutTokensExitsTwoWithOneLine() throws Exception {
    RunningJar.Exited run =
        RunningJar.runToExit(Map.of("MESSAGEBOARD_BIND_ADDRESS", "0.0.0.0"), TIMEOUT);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.lines())
        .singleElement()
        .satisfies(
            line ->
                assertThat(line)
                    .contains("MESSAGEBOARD_BIND_ADDRESS=0.0.0.0")
                    .contains("MESSAGEBOARD_API_TOKENS")
                    .contains("MESSAGEBOARD_ALLOW_ANONYMOUS_WRITES=true"));
  }

  @Test
  void theExplicitOptInStartsItOnEveryInterface() throws Exception {
    try (RunningJar jar =
        RunningJar.start(
            Map.of(
                "MESSAGEBOARD_BIND_ADDRESS", "0.0.0.0",
                "MESSAGEBOARD_ALLOW_ANONYMOUS_WRITES", "true"))) {
      assertThat(jar.apiPort()).isPositive();
    }
  }
}

package io.messageboard.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Where calls go, and the settings a client refuses. */
class ClientSettingsTest {

  private static ClientSettings settings(String base, Optional<String> token) {
    return new ClientSettings(URI.create(base), token, Duration.ofSeconds(1), Duration.ZERO);
  }

  @Test
  void aServiceBehindAPathPrefixIsCalledUnderThatPrefix() {
    ClientSettings prefixed = settings("https://example.org/board", Optional.empty());

    assertThat(prefixed.resolve("api/v1/messages/5"))
        .hasToString("https://example.org/board/api/v1/messages/5");
    assertThat(prefixed.resolve("/api/v1/messages?after=5"))
        .hasToString("https://example.org/api/v1/messages?after=5");
  }

  @Test
  void aBaseAtTheRootIsCalledAtTheRoot() {
    assertThat(settings("http://127.0.0.1:8000", Optional.empty()).resolve("api/v1/messages"))
        .hasToString("http://127.0.0.1:8000/api/v1/messages");
  }

  @Test
  void anAddressThatIsNoHttpUrlIsRefused() {
    assertThatThrownBy(() -> settings("ftp://example.org", Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> settings("/relative", Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aTokenThatCannotBeSentAsAHeaderIsRefused() {
    assertThatThrownBy(() -> settings("http://h", Optional.of("two words")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(settings("http://h", Optional.of("abc-DEF_1.2~3+4/5==")).bearerToken()).isPresent();
  }

  @Test
  void aTimeoutMustBePositiveAndADeadlineNotNegative() {
    assertThatThrownBy(
            () ->
                new ClientSettings(
                    URI.create("http://h"), Optional.empty(), Duration.ZERO, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new ClientSettings(
                    URI.create("http://h"),
                    Optional.empty(),
                    Duration.ofSeconds(1),
                    Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

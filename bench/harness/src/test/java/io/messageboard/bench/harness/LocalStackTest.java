package io.messageboard.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStackTest {

  @TempDir Path folder;

  private Path calls;
  private LocalStack stack;

  /** A stand-in for deploy/local/stack that writes down each call and the state folder it got. */
  @BeforeEach
  void standIn() throws IOException {
    calls = folder.resolve("calls");
    Path script = folder.resolve("stack");
    Files.writeString(script, "#!/bin/sh\necho \"$MESSAGEBOARD_STACK_DIR $*\" >>" + calls + "\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    stack = new LocalStack(script, folder.resolve("state"), folder);
  }

  @Test
  void drivesTheStackThroughItsVerbsInItsOwnStateFolder() throws IOException {
    stack.up();
    stack.rateLimit("100000r/s", "100000");
    stack.sharedRateLimit();
    stack.downIfUp();

    String state = folder.resolve("state").toString();
    assertThat(Files.readAllLines(calls))
        .containsExactly(
            state + " up",
            state + " rate-limit 100000r/s 100000",
            state + " rate-limit shared",
            state + " down --purge");
  }

  @Test
  void namesTheTopologyItWasGivenToEveryVerb() throws IOException {
    Path script = folder.resolve("topology-stack");
    Files.writeString(
        script, "#!/bin/sh\necho \"$MESSAGEBOARD_STACK_TOPOLOGY $*\" >>" + calls + "\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    Path singleNode = folder.resolve("topology-single-node");
    LocalStack other =
        new LocalStack(script, folder.resolve("single"), folder, Optional.of(singleNode));

    other.up();
    other.downIfUp();

    assertThat(Files.readAllLines(calls))
        .containsExactly(singleNode + " up", singleNode + " down --purge");
    assertThat(folder.resolve("single-up.log")).exists();
  }

  @Test
  void takesDownOnlyAStackItBroughtUp() throws IOException {
    stack.downIfUp();

    assertThat(calls).doesNotExist();
  }

  @Test
  void takesItDownOnce() throws IOException {
    stack.up();
    stack.downIfUp();
    stack.downIfUp();

    assertThat(Files.readAllLines(calls)).hasSize(2);
  }

  @Test
  void reachesADatabaseThroughTheSocketTheStackNamesAfterIt() {
    assertThat(stack.database("mariadb").socket())
        .isEqualTo(folder.resolve("state/run/database/mariadb.sock"));
  }

  @Test
  void usesTheFirstOfTheStacksBearerTokens() throws IOException {
    Path secrets = Files.createDirectories(folder.resolve("state/secrets"));
    Files.writeString(secrets.resolve("api-tokens"), "newToken,oldToken");

    assertThat(stack.apiToken()).isEqualTo("newToken");
  }
}

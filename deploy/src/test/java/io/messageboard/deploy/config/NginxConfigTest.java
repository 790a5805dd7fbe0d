package io.messageboard.deploy.config;

import static io.messageboard.deploy.config.ExternalTool.DEPLOY;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared nginx configuration, as the local stack renders it, passes {@code nginx -t}. */
class NginxConfigTest {

  @Test
  void theLocalStacksRenderedNginxConfigPassesNginxTest(@TempDir Path state) throws Exception {
    ExternalTool.run(
        DEPLOY, Map.of("MESSAGEBOARD_STACK_DIR", state.toString()), "local/stack", "render");
    Files.createDirectories(state.resolve("logs"));

    String output =
        ExternalTool.run(
            state, "nginx", "-t", "-c", state + "/nginx/nginx.conf", "-p", state + "/nginx");

    assertThat(output).contains("syntax is ok", "test is successful");
  }

  @Test
  void theBodyLimitMatchesTheApps64KibLimit() throws Exception {
    String config = Files.readString(DEPLOY.resolve("nginx/messageboard.conf"));

    assertThat(config).contains("client_max_body_size 64k;");
  }
}

package io.messageboard.deploy.config;

import static io.messageboard.deploy.config.ExternalTool.DEPLOY;
import static org.assertj.core.api.Assertions.assertThat;

import io.messageboard.bootstrap.config.Setting;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

  // A page the map names but no location serves would fall through to "location /" and be
  // proxied to a replica instead of answered by nginx.
  @Test
  void everyErrorPageNginxAnswersHasALocationInBothShapes() throws Exception {
    String config = Files.readString(DEPLOY.resolve("nginx/messageboard.conf"));
    Matcher pages =
        Pattern.compile("error_page \\d+ (?:=\\d+ )?\\$messageboard_error_page/(\\d+);")
            .matcher(config);

    int found = 0;
    while (pages.find()) {
      found++;
      assertThat(config)
          .contains(
              "location = /_problem/" + pages.group(1) + " {",
              "location = /_legacy/" + pages.group(1) + " {");
    }
    assertThat(found).isGreaterThanOrEqualTo(7);
  }

  @Test
  void slowAndOversizedClientsAreBounded() throws Exception {
    String config = Files.readString(DEPLOY.resolve("nginx/messageboard.conf"));

    assertThat(config)
        .contains(
            "client_header_timeout 10s;",
            "client_body_timeout 10s;",
            "send_timeout 30s;",
            "large_client_header_buffers 4 8k;",
            "limit_conn messageboard_conn_per_client 256;",
            "error_page 494 =431 $messageboard_error_page/431;",
            "error_page 414 /_problem/414;");
  }

  @Test
  void theReplicasKeepIdleConnectionsLongerThanNginxReusesThem() throws Exception {
    // Otherwise nginx may send a request on a connection the replica has just closed.
    assertThat(defaultOf(Setting.HTTP_IDLE_TIMEOUT)).isGreaterThan(upstreamKeepalive());
  }

  @Test
  void nginxDropsItsIdleConnectionsToADrainingReplicaBeforeTheReplicaStops() throws Exception {
    // A draining replica closes each connection it answers; the idle ones nginx kept must be gone
    // before the drain ends and the replica closes them under a request nginx may not resend.
    assertThat(upstreamKeepalive()).isLessThan(defaultOf(Setting.SHUTDOWN_DRAIN));
  }

  private static Duration upstreamKeepalive() throws Exception {
    String config = Files.readString(DEPLOY.resolve("nginx/messageboard.conf"));
    Matcher upstreamKeepalive =
        Pattern.compile("upstream messageboard_api \\{[^}]*keepalive_timeout (\\d+)s;")
            .matcher(config);
    assertThat(upstreamKeepalive.find()).as("keepalive_timeout of the upstream").isTrue();
    return Duration.ofSeconds(Long.parseLong(upstreamKeepalive.group(1)));
  }

  private static Duration defaultOf(Setting setting) {
    return Duration.parse("PT" + setting.defaultValue().toUpperCase(Locale.ROOT));
  }

  @Test
  void theBodyLimitMatchesTheApps64KibLimit() throws Exception {
    String config = Files.readString(DEPLOY.resolve("nginx/messageboard.conf"));

    assertThat(config).contains("client_max_body_size 64k;");
  }
}

package io.messageboard.deploy.config;

import static io.messageboard.deploy.config.ExternalTool.DEPLOY;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/nginx/nginx.mtail turns access-log lines in nginx's "messageboard" format (a file in the
 * local stack, syslog over UDP under compose) into the counters and the request histogram the
 * alerts and the service-level objectives read, run by mtail itself on sample lines.
 */
class NginxAccessLogMetricsTest {

  private static final List<String> LINES =
      List.of(
          "127.0.0.1 [2026-12-06T06:00:00+00:00] \"GET /api/v1/messages?limit=5 HTTP/1.1\" 200 9"
              + " rid=a rt=0.003 upstream=127.0.0.1:8081 ustatus=200 urt=0.003",
          "127.0.0.1 [2026-12-06T06:00:00+00:00] \"POST /api/v1/messages HTTP/1.1\" 503 9"
              + " rid=b rt=0.300 upstream=127.0.0.1:8081 ustatus=503 urt=0.300",
          "127.0.0.1 [2026-12-06T06:00:01+00:00] \"GET /data/5 HTTP/1.1\" 404 9"
              + " rid=c rt=0.010 upstream=127.0.0.1:8082 ustatus=404 urt=0.010",
          "127.0.0.1 [2026-12-06T06:00:01+00:00] \"GET /api/v1x HTTP/1.1\" 404 9"
              + " rid=d rt=0.001 upstream=127.0.0.1:8082 ustatus=404 urt=0.001",
          // As the compose stack's nginx sends it: a syslog header before the same line.
          "<190>Dec  6 06:00:02 nginx: 127.0.0.1 [2026-12-06T06:00:02+00:00] \"GET /data HTTP/1.1\""
              + " 502 9 rid=e rt=2.000 upstream=127.0.0.1:8081, 127.0.0.1:8082 ustatus=502, 502"
              + " urt=1.000, 1.000");

  @Test
  void eachRequestIsTimedByItsApiAndStatusClass(@TempDir Path folder) throws Exception {
    String metrics = oneShot(folder);

    assertThat(metrics)
        .contains(sample("_count", "v1", "2", "") + " 1")
        .contains(sample("_count", "v1", "5", "") + " 1")
        .contains(sample("_bucket", "v1", "5", ",le=\"0.25\"") + " 0")
        .contains(sample("_bucket", "v1", "5", ",le=\"0.5\"") + " 1")
        .contains(sample("_count", "legacy", "4", "") + " 1")
        .contains(sample("_count", "legacy", "5", "") + " 1")
        .contains(sample("_count", "other", "4", "") + " 1");
  }

  @Test
  void responsesAreCountedByStatusAndFailedUpstreamAttemptsOnce(@TempDir Path folder)
      throws Exception {
    String metrics = oneShot(folder);

    assertThat(metrics)
        .contains("nginx_http_responses_total{prog=\"nginx.mtail\",status=\"502\"} 1")
        .contains("nginx_http_responses_total{prog=\"nginx.mtail\",status=\"404\"} 2")
        .contains("nginx_upstream_errors_total{prog=\"nginx.mtail\"} 2");
  }

  private static String sample(String suffix, String api, String statusClass, String le) {
    return "nginx_http_request_duration_seconds"
        + suffix
        + "{api=\""
        + api
        + "\",prog=\"nginx.mtail\",status_class=\""
        + statusClass
        + "\""
        + le
        + "}";
  }

  private static String oneShot(Path folder) throws Exception {
    Path log = Files.write(folder.resolve("access.log"), LINES);
    return ExternalTool.run(
        folder,
        "mtail",
        "--one_shot",
        "--one_shot_format=prometheus",
        "--progs=" + DEPLOY.resolve("nginx/nginx.mtail"),
        "--logs=" + log,
        // Any free port: mtail serves HTTP even in one-shot mode, and a running stack's mtail
        // holds the default 3903.
        "--port=0",
        "--logtostderr");
  }
}

package io.messageboard.deploy.config;

import static io.messageboard.deploy.config.ExternalTool.DEPLOY;

import org.junit.jupiter.api.Test;

/** The deploy scripts are code too: shellcheck finds nothing in them. */
class ShellScriptsTest {

  @Test
  void theLocalStackScriptIsShellcheckClean() throws Exception {
    ExternalTool.run(DEPLOY, "shellcheck", "--severity=style", "local/stack");
  }

  @Test
  void thePrometheusRuleGeneratorIsShellcheckClean() throws Exception {
    ExternalTool.run(DEPLOY, "shellcheck", "--severity=style", "k8s/generate-prometheus-rule");
  }

  @Test
  void theContainerScriptsAreShellcheckClean() throws Exception {
    ExternalTool.run(
        DEPLOY,
        "shellcheck",
        "--severity=style",
        "docker/build-standins",
        "docker/compose-stack",
        "docker/standins/mariadb/docker-entrypoint.sh",
        "docker/standins/mariadb/healthcheck.sh",
        "compose/mariadb/10-users.sh",
        "compose/prometheus/write-app-targets.sh");
  }
}

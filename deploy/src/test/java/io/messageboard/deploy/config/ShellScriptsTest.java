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
}

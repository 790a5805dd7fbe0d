package io.messageboard.deploy.config;

import static io.messageboard.deploy.config.ExternalTool.DEPLOY;

import org.junit.jupiter.api.Test;

/** The stack script is code too: shellcheck finds nothing in it. */
class ShellScriptsTest {

  @Test
  void theLocalStackScriptIsShellcheckClean() throws Exception {
    ExternalTool.run(DEPLOY, "shellcheck", "--severity=style", "local/stack");
  }
}

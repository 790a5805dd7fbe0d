package io.messageboard.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.messageboard.bootstrap.config.Setting;
import io.messageboard.bootstrap.config.Settings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HelpTextTest {

  private static final String REPLICA = Setting.REPLICA_ID.environmentVariable();

  @Test
  void everyDefaultHelpShowsIsTheValueTheServiceUsesWhenTheSettingIsUnset() {
    String help = help();
    Map<String, String> spelledOut = new HashMap<>(Map.of(REPLICA, "r1"));
    for (Setting setting : Setting.values()) {
      assertThat(help)
          .as(setting.name())
          .containsPattern(
              Pattern.quote(setting.environmentVariable())
                  + " +default "
                  + Pattern.quote(setting.defaultValue()));
      // "<…>" marks a default computed at start; the others are literal values.
      if (!setting.defaultValue().startsWith("<")) {
        spelledOut.put(setting.environmentVariable(), setting.defaultValue());
      }
    }

    Settings unset = Settings.from(Map.of(REPLICA, "r1"), Map.of());
    Settings withHelpsDefaults = Settings.from(spelledOut, Map.of());

    assertThat(spelledOut).hasSizeGreaterThan(10);
    assertThat(withHelpsDefaults).usingRecursiveComparison().isEqualTo(unset);
  }

  @Test
  void namesEverySettingOnALineOfItsOwn() {
    assertThat(help().lines().filter(line -> line.startsWith("  MESSAGEBOARD_")))
        .hasSize(Setting.values().length);
  }

  @Test
  void startsWithTheUsageAndWhereSettingsComeFrom() {
    assertThat(help().lines().limit(9))
        .containsExactly(
            "Usage: java -jar messageboard.jar [serve|migrate] [--help]",
            "",
            "  serve    " + Verb.SERVE.description(),
            "  migrate  " + Verb.MIGRATE.description(),
            "",
            "Settings come from environment variables (or -Dmessageboard.* system properties).",
            "Secrets may instead be read from a file named by <VARIABLE>_FILE.",
            "",
            "  MESSAGEBOARD_HTTP_PORT                 default 8080           "
                + Setting.HTTP_PORT.description());
  }

  @Test
  void listsEveryVerbByTheWordThatRunsIt() {
    for (Verb verb : Verb.values()) {
      assertThat(help()).contains("  " + verb.command() + " ");
      assertThat(Verb.of(List.of(verb.command()))).contains(verb);
    }
  }

  @Test
  void describesEverySetting() {
    String help = help();
    for (Setting setting : Setting.values()) {
      assertThat(setting.description()).isNotBlank();
      assertThat(help).contains(setting.description());
    }
  }

  private static String help() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    HelpText.print(new PrintStream(out, true, StandardCharsets.UTF_8));
    return out.toString(StandardCharsets.UTF_8);
  }
}

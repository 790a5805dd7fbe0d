package io.messageboard.bootstrap;

import io.messageboard.bootstrap.config.Setting;
import java.io.PrintStream;

/** The {@code --help} text: the verbs, and every setting with its default. */
final class HelpText {

  private HelpText() {}

  static void print(PrintStream out) {
    out.println("Usage: java -jar messageboard.jar [serve|migrate] [--help]");
    out.println();
    for (Verb verb : Verb.values()) {
      out.printf("  %-8s %s%n", verb.command(), verb.description());
    }
    out.println();
    out.println(
        "Settings come from environment variables (or -Dmessageboard.* system properties).");
    out.println("Secrets may instead be read from a file named by <VARIABLE>_FILE.");
    out.println();
    for (Setting setting : Setting.values()) {
      out.printf(
          "  %-38s default %-14s %s%n",
          setting.environmentVariable(), setting.defaultValue(), setting.description());
    }
  }
}

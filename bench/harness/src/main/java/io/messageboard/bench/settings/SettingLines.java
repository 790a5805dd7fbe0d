package io.messageboard.bench.settings;

import java.util.List;

/** The lines of a settings file that carry a setting: trimmed, without blanks and # comments. */
final class SettingLines {

  private SettingLines() {}

  static List<String> of(String text) {
    return text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
  }
}

package io.messageboard.deploy.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The instructions of a Dockerfile, continuation lines joined and comments dropped, split into
 * stages so that a test can read the final (runtime) stage alone.
 */
record Dockerfile(List<Instruction> instructions) {

  /** One instruction: its keyword in upper case and the rest of the line. */
  record Instruction(String keyword, String arguments) {}

  static Dockerfile read(Path file) throws IOException {
    List<Instruction> instructions = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : Files.readAllLines(file)) {
      String trimmed = line.strip();
      if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.isEmpty())) {
        continue;
      }
      if (trimmed.endsWith("\\")) {
        current.append(trimmed, 0, trimmed.length() - 1).append(' ');
        continue;
      }
      current.append(trimmed);
      String text = current.toString().strip();
      current.setLength(0);
      if (text.isEmpty()) {
        continue;
      }
      String[] parts = text.split("\\s+", 2);
      instructions.add(
          new Instruction(parts[0].toUpperCase(Locale.ROOT), parts.length > 1 ? parts[1] : ""));
    }
    return new Dockerfile(instructions);
  }

  /** The instructions from the last FROM on. */
  Dockerfile finalStage() {
    int from = 0;
    for (int i = 0; i < instructions.size(); i++) {
      if (instructions.get(i).keyword().equals("FROM")) {
        from = i;
      }
    }
    return new Dockerfile(instructions.subList(from, instructions.size()));
  }

  /** The instructions of the stage named NAME ({@code FROM ... AS NAME}), up to the next FROM. */
  Dockerfile stage(String name) {
    int from = -1;
    for (int i = 0; i < instructions.size(); i++) {
      Instruction instruction = instructions.get(i);
      if (!instruction.keyword().equals("FROM")) {
        continue;
      }
      if (from >= 0) {
        return new Dockerfile(instructions.subList(from, i));
      }
      if (instruction.arguments().matches("(?i).*\\s+AS\\s+" + name)) {
        from = i;
      }
    }
    if (from < 0) {
      throw new AssertionError("no stage named " + name);
    }
    return new Dockerfile(instructions.subList(from, instructions.size()));
  }

  List<String> all(String keyword) {
    return instructions.stream()
        .filter(instruction -> instruction.keyword().equals(keyword))
        .map(Instruction::arguments)
        .toList();
  }

  String only(String keyword) {
    List<String> found = all(keyword);
    if (found.size() != 1) {
      throw new AssertionError("expected one " + keyword + ", found " + found);
    }
    return found.get(0);
  }
}

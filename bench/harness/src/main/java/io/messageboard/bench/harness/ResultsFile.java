package io.messageboard.bench.harness;

import io.messageboard.bench.report.Measurement;
import io.messageboard.bench.report.OpenLoopMeasurement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The run's record as it goes, one tab-separated line each: {@code load} lines (measurements),
 * {@code fact} lines (settings, starts, the export) and {@code openloop} lines; the report is
 * written from it and it is kept beside the report.
 */
record ResultsFile(Path path) {

  void fact(String name, String value) {
    append("fact\t" + name + "\t" + value);
  }

  void record(Measurement measurement) {
    append(measurement.toLine());
  }

  void record(OpenLoopMeasurement measurement) {
    append(measurement.toLine());
  }

  private synchronized void append(String line) {
    try {
      Files.writeString(path, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

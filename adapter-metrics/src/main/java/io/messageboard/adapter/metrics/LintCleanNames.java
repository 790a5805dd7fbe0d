package io.messageboard.adapter.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;

/**
 * Keeps the scrape clean for {@code promtool check metrics}: drops {@code
 * process_cpu_time_ns_total} (an abbreviated unit; {@link ProcessCpuTime} publishes it in seconds)
 * and renames {@code system_cpu_count} (a reserved suffix).
 */
final class LintCleanNames implements MeterFilter {

  static final String CPU_TIME_IN_NANOSECONDS = "process.cpu.time";
  static final String CPU_COUNT = "system.cpu.count";
  static final String CPU_COUNT_RENAMED = "system.cpus.available";

  @Override
  public MeterFilterReply accept(Meter.Id id) {
    if (id.getName().equals(CPU_TIME_IN_NANOSECONDS) && "ns".equals(id.getBaseUnit())) {
      return MeterFilterReply.DENY;
    }
    return MeterFilterReply.NEUTRAL;
  }

  @Override
  public Meter.Id map(Meter.Id id) {
    return id.getName().equals(CPU_COUNT) ? id.withName(CPU_COUNT_RENAMED) : id;
  }
}

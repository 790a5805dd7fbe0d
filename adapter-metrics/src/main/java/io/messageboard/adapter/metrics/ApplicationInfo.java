package io.messageboard.adapter.metrics;

import io.messageboard.domain.model.ReplicaId;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/** The constant {@code messageboard_info{version, replica} 1} series that dashboards join on. */
final class ApplicationInfo {

  private ApplicationInfo() {}

  static void register(MeterRegistry registry, String version, ReplicaId replica) {
    Gauge.builder("messageboard.info", () -> 1)
        .description("Build and replica of this Messageboard process; always 1.")
        .tag("version", version)
        .tag("replica", replica.value())
        .register(registry);
  }
}

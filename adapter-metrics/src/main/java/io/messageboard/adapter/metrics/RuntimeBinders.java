package io.messageboard.adapter.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;

/** JVM (memory, GC, threads, classes) and process (CPU, uptime, file descriptors) meters. */
final class RuntimeBinders implements AutoCloseable {

  private final JvmGcMetrics gcMetrics;

  private RuntimeBinders(JvmGcMetrics gcMetrics) {
    this.gcMetrics = gcMetrics;
  }

  static RuntimeBinders bindTo(MeterRegistry registry) {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    ProcessCpuTime.bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    new FileDescriptorMetrics().bindTo(registry);
    JvmGcMetrics gcMetrics = new JvmGcMetrics();
    gcMetrics.bindTo(registry);
    return new RuntimeBinders(gcMetrics);
  }

  @Override
  public void close() {
    // JvmGcMetrics listens to GC notifications until closed.
    gcMetrics.close();
  }
}

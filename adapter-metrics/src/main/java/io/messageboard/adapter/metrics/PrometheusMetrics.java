package io.messageboard.adapter.metrics;

import io.messageboard.domain.model.ReplicaId;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Objects;

/** The replica's Prometheus registry: common tags, JVM and process binders, and the text scrape. */
public final class PrometheusMetrics implements AutoCloseable {

  /** Content type of {@link #scrape()}: the Prometheus text exposition format 0.0.4. */
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final PrometheusMeterRegistry registry;
  private final RuntimeBinders runtimeBinders;

  private PrometheusMetrics(PrometheusMeterRegistry registry, RuntimeBinders runtimeBinders) {
    this.registry = registry;
    this.runtimeBinders = runtimeBinders;
  }

  /**
   * A registry whose every series carries {@code application="messageboard"} and {@code replica}.
   */
  public static PrometheusMetrics create(ReplicaId replica, String version) {
    Objects.requireNonNull(replica, "replica");
    Objects.requireNonNull(version, "version");
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry
        .config()
        .commonTags(Tags.of("application", "messageboard", "replica", replica.value()));
    registry.config().meterFilter(new LintCleanNames());
    HttpServerRequests.limitUriCardinality(registry);
    ApplicationInfo.register(registry, version, replica);
    return new PrometheusMetrics(registry, RuntimeBinders.bindTo(registry));
  }

  /** The registry other components (connection pool, server threads) bind their meters to. */
  public MeterRegistry registry() {
    return registry;
  }

  /** Every series in the Prometheus text format; serve it with {@link #CONTENT_TYPE}. */
  public String scrape() {
    return registry.scrape();
  }

  @Override
  public void close() {
    runtimeBinders.close();
    registry.close();
  }
}

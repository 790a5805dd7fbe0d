package io.messageboard.adapter.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.http.Outcome;
import io.micrometer.core.instrument.config.MeterFilter;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Records {@code http_server_requests_seconds}, a histogram tagged method, uri (a route template),
 * status and outcome. Callers pass route templates only; label values stay bounded.
 */
public final class HttpServerRequests {

  static final String METER = "http.server.requests";
  static final int MAX_URIS = 100;

  private static final Set<String> METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT");

  // Fixed buckets: enough resolution for histogram_quantile without the ~70 buckets of a percentile
  // histogram.
  private static final Duration[] BUCKETS = {
    Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
    Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
    Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)
  };

  private final MeterRegistry registry;

  public HttpServerRequests(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  /** Records one finished request; {@code uri} must be a route template or {@code NOT_FOUND}. */
  public void record(String method, String uri, int status, Duration duration) {
    Timer.builder(METER)
        .description("Requests served by the public API.")
        .tag("method", boundedMethod(method))
        .tag("uri", uri)
        .tag("status", Integer.toString(status))
        .tag("outcome", Outcome.forStatus(status).name())
        .serviceLevelObjectives(BUCKETS)
        .register(registry)
        .record(duration);
  }

  /**
   * Guards against a caller passing raw paths: past {@link #MAX_URIS} distinct uris, new ones are
   * dropped.
   */
  static void limitUriCardinality(MeterRegistry registry) {
    registry
        .config()
        .meterFilter(MeterFilter.maximumAllowableTags(METER, "uri", MAX_URIS, MeterFilter.deny()));
  }

  private static String boundedMethod(String method) {
    String upper = method == null ? "" : method.toUpperCase(Locale.ROOT);
    return METHODS.contains(upper) ? upper : "OTHER";
  }
}

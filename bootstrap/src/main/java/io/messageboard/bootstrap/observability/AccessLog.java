package io.messageboard.bootstrap.observability;

import io.messageboard.adapter.http.CompletedRequest;
import io.messageboard.adapter.http.RequestObserver;
import io.messageboard.domain.model.ReplicaId;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one line per finished API request: request id, method, route template, status, duration,
 * replica. Never message text, bodies, query strings or headers.
 */
public final class AccessLog implements RequestObserver {

  /** Logger name, so operators can route or silence access lines separately. */
  public static final String LOGGER = "io.messageboard.access";

  private final String replica;
  private final Logger log;

  public AccessLog(ReplicaId replica) {
    this(replica, LoggerFactory.getLogger(LOGGER));
  }

  AccessLog(ReplicaId replica, Logger log) {
    this.replica = Objects.requireNonNull(replica, "replica").value();
    this.log = Objects.requireNonNull(log, "log");
  }

  @Override
  public void completed(CompletedRequest request) {
    double millis = Math.round(request.duration().toNanos() / 100_000.0) / 10.0;
    log.atInfo()
        .addKeyValue("requestId", request.requestId())
        .addKeyValue("method", request.method())
        .addKeyValue("route", request.route())
        .addKeyValue("status", request.status())
        .addKeyValue("durationMs", millis)
        .addKeyValue("replica", replica)
        .log(
            "{} {} {} {} ms request_id={} replica={}",
            request.method(),
            request.route(),
            request.status(),
            millis,
            request.requestId(),
            replica);
  }
}

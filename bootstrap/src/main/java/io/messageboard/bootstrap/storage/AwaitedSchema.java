package io.messageboard.bootstrap.storage;

import io.messageboard.adapter.persistence.migration.SchemaStatus;
import io.messageboard.adapter.persistence.migration.SchemaVersionCheck;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An external database's schema step: the release step ({@code messageboard migrate}) migrates it,
 * so a replica only reads the schema's version, read-only as the service user, until every
 * migration of this release is applied. Meanwhile it says once a minute what it waits for.
 */
final class AwaitedSchema implements SchemaStep {

  /** How often a waiting replica reads the schema's version again. */
  static final Duration POLL = Duration.ofSeconds(2);

  /** How often a waiting replica logs what it waits for. */
  static final Duration LOG_EVERY = Duration.ofMinutes(1);

  private static final Logger log = LoggerFactory.getLogger(AwaitedSchema.class);

  private final SchemaVersionCheck check;
  private final CompletableFuture<Void> ready = new CompletableFuture<>();
  private final Thread waiter;

  private AwaitedSchema(SchemaVersionCheck check) {
    this.check = check;
    this.waiter = new Thread(this::awaitVersion, "schema-version-wait");
    waiter.setDaemon(true);
  }

  static AwaitedSchema start(SchemaVersionCheck check) {
    AwaitedSchema schema = new AwaitedSchema(check);
    schema.waiter.start();
    return schema;
  }

  private void awaitVersion() {
    long lastLog = 0;
    boolean logged = false;
    while (!ready.isDone()) {
      String waitingFor;
      try {
        SchemaStatus status = check.check();
        if (status.servable()) {
          announce(status);
          ready.complete(null);
          return;
        }
        waitingFor = status.shortfall() + "; run `messageboard migrate`";
      } catch (RuntimeException e) {
        waitingFor = "cannot read the schema's version: " + firstLine(e);
      }
      long now = System.nanoTime();
      if (!logged || now - lastLog >= LOG_EVERY.toNanos()) {
        log.warn("Not ready: {}", waitingFor);
        lastLog = now;
        logged = true;
      }
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private static void announce(SchemaStatus status) {
    if (status.unknown().isEmpty()) {
      log.info("Schema at V{}, the version this release needs", status.required());
    } else {
      // Serving on a newer schema is the expand/contract rule's promise (docs/operations.md).
      log.warn(
          "Schema has migrations this release does not know (V{}); serving on it, as a release's"
              + " migrations only add to the schema",
          String.join(", V", status.unknown()));
    }
  }

  private static String firstLine(RuntimeException e) {
    String message = Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName());
    return message.strip().lines().findFirst().orElse(message);
  }

  @Override
  public CompletableFuture<Void> ready() {
    return ready;
  }

  /** Gives up waiting: {@link #ready()} then fails with a cancellation. */
  @Override
  public void close() {
    ready.cancel(false);
    waiter.interrupt();
  }
}

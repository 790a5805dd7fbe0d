package io.messageboard.bootstrap.management;

import io.messageboard.adapter.persistence.memory.InMemoryIdempotencyKeyRepository;
import io.messageboard.adapter.persistence.memory.InMemoryMessageEventLog;
import io.messageboard.adapter.persistence.memory.InMemoryMessageRepository;
import io.messageboard.bootstrap.storage.Storage;
import io.messageboard.domain.port.out.IdempotencyKeyRepository;
import io.messageboard.domain.port.out.MessageEventLog;
import io.messageboard.domain.port.out.MessageRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Storage whose reachability and schema a test switches, and which counts how often it was probed.
 */
final class FakeStorage implements Storage {

  final AtomicBoolean reachable = new AtomicBoolean(true);
  final AtomicBoolean probeThrows = new AtomicBoolean();
  final AtomicBoolean schemaReady = new AtomicBoolean(true);
  final AtomicInteger probes = new AtomicInteger();
  final AtomicReference<Duration> lastTimeout = new AtomicReference<>();
  private final InMemoryMessageEventLog events = new InMemoryMessageEventLog(Clock.systemUTC());
  private final MessageRepository repository = new InMemoryMessageRepository(events);
  private final IdempotencyKeyRepository idempotencyKeys =
      new InMemoryIdempotencyKeyRepository(repository);

  @Override
  public MessageRepository repository() {
    return repository;
  }

  @Override
  public IdempotencyKeyRepository idempotencyKeys() {
    return idempotencyKeys;
  }

  @Override
  public MessageEventLog events() {
    return events;
  }

  @Override
  public String description() {
    return "fake";
  }

  @Override
  public void awaitReady() {}

  @Override
  public boolean schemaReady() {
    return schemaReady.get();
  }

  @Override
  public boolean isReachable(Duration timeout) {
    probes.incrementAndGet();
    lastTimeout.set(timeout);
    if (probeThrows.get()) {
      throw new IllegalStateException("driver bug");
    }
    return reachable.get();
  }

  @Override
  public void close() {}
}

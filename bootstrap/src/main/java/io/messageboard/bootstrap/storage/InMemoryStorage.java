package io.messageboard.bootstrap.storage;

import io.messageboard.adapter.persistence.memory.InMemoryIdempotencyKeyRepository;
import io.messageboard.adapter.persistence.memory.InMemoryMessageEventLog;
import io.messageboard.adapter.persistence.memory.InMemoryMessageRepository;
import io.messageboard.domain.port.out.IdempotencyKeyRepository;
import io.messageboard.domain.port.out.MessageEventLog;
import io.messageboard.domain.port.out.MessageRepository;
import java.time.Clock;
import java.time.Duration;

/** Storage held in the process; lost on exit. */
final class InMemoryStorage implements Storage {

  private final InMemoryMessageEventLog events;
  private final MessageRepository repository;
  private final IdempotencyKeyRepository idempotencyKeys;

  /**
   * {@code clock}: the store's, which keys' leases and expiries and the events' times follow (the
   * process's own).
   */
  InMemoryStorage(Clock clock) {
    this.events = new InMemoryMessageEventLog(clock);
    this.repository = new InMemoryMessageRepository(events);
    this.idempotencyKeys = new InMemoryIdempotencyKeyRepository(repository, clock);
  }

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
    return "in-memory (messages are lost on exit)";
  }

  @Override
  public void awaitReady() {}

  @Override
  public boolean schemaReady() {
    return true;
  }

  @Override
  public boolean isReachable(Duration timeout) {
    return true;
  }

  @Override
  public void close() {}
}

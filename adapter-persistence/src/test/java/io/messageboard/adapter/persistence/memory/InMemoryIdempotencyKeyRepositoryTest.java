package io.messageboard.adapter.persistence.memory;

import io.messageboard.domain.port.out.IdempotencyKeyRepositoryContract;

/** The idempotency key contract, in memory. */
class InMemoryIdempotencyKeyRepositoryTest extends IdempotencyKeyRepositoryContract {

  @Override
  protected Stores emptyStores() {
    InMemoryMessageRepository messages = new InMemoryMessageRepository();
    return new Stores(new InMemoryIdempotencyKeyRepository(messages), messages);
  }
}

package io.messageboard.adapter.persistence.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.messageboard.domain.port.out.IdempotencyKeyRepositoryContract;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The idempotency key contract, in memory. */
class InMemoryIdempotencyKeyRepositoryTest extends IdempotencyKeyRepositoryContract {

  @Override
  protected Stores emptyStores() {
    InMemoryMessageRepository messages = new InMemoryMessageRepository();
    return new Stores(new InMemoryIdempotencyKeyRepository(messages), messages);
  }

  @Test
  void theStoresTimeIsTheClockItWasGiven() {
    Instant given = Instant.parse("2001-09-09T01:46:40Z");
    InMemoryIdempotencyKeyRepository keys =
        new InMemoryIdempotencyKeyRepository(
            new InMemoryMessageRepository(), Clock.fixed(given, ZoneOffset.UTC));

    assertThat(keys.now()).isEqualTo(given);
  }
}

package io.messageboard.adapter.persistence.memory;

import io.messageboard.domain.port.out.MessageRepository;
import io.messageboard.domain.port.out.MessageRepositoryContract;

class InMemoryMessageRepositoryTest extends MessageRepositoryContract {

  @Override
  protected MessageRepository emptyRepository() {
    return new InMemoryMessageRepository();
  }
}

package io.messageboard.adapter.persistence.memory;

import io.messageboard.domain.port.out.MessageEventLogContract;
import java.time.Clock;

class InMemoryMessageEventLogTest extends MessageEventLogContract {

  @Override
  protected Store emptyStore() {
    InMemoryMessageEventLog events = new InMemoryMessageEventLog(Clock.systemUTC());
    return new Store(new InMemoryMessageRepository(events), events);
  }
}

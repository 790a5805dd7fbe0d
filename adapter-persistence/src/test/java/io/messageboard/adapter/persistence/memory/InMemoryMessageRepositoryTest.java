package io.messageboard.adapter.persistence.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.messageboard.domain.failure.IdsExhaustedException;
import io.messageboard.domain.model.MessageId;
import io.messageboard.domain.model.MessageText;
import io.messageboard.domain.model.NewMessage;
import io.messageboard.domain.port.out.MessageRepository;
import io.messageboard.domain.port.out.MessageRepositoryContract;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InMemoryMessageRepositoryTest extends MessageRepositoryContract {

  @Override
  protected MessageRepository emptyRepository() {
    return new InMemoryMessageRepository();
  }

  @Test
  void assignsTheLargestIdThenRefusesOnceItsCounterHasRunOut() {
    InMemoryMessageRepository repository =
        new InMemoryMessageRepository(
            new InMemoryMessageEventLog(Clock.systemUTC()), Integer.MAX_VALUE);
    NewMessage unnumbered =
        new NewMessage(Optional.empty(), new MessageText("assigned"), REPLICA, CREATED);

    assertThat(repository.add(unnumbered).id()).isEqualTo(new MessageId(Integer.MAX_VALUE));
    assertThatThrownBy(() -> repository.add(unnumbered)).isInstanceOf(IdsExhaustedException.class);
    assertThat(repository.add(newMessage(5, "chosen")).id()).isEqualTo(new MessageId(5));
  }

  @Test
  void skipsTheLargestIdWhenAClientTookIt() {
    InMemoryMessageRepository repository =
        new InMemoryMessageRepository(
            new InMemoryMessageEventLog(Clock.systemUTC()), Integer.MAX_VALUE);
    repository.add(newMessage(Integer.MAX_VALUE, "taken"));

    assertThatThrownBy(
            () ->
                repository.add(
                    new NewMessage(Optional.empty(), new MessageText("x"), REPLICA, CREATED)))
        .isInstanceOf(IdsExhaustedException.class);
  }
}

package io.messageboard.application;

import io.messageboard.domain.command.PostMessageCommand;
import io.messageboard.domain.model.Message;
import io.messageboard.domain.model.NewMessage;
import io.messageboard.domain.model.ReplicaId;
import io.messageboard.domain.port.in.PostMessageUseCase;
import io.messageboard.domain.port.out.MessageRepository;
import java.time.Clock;
import java.util.Objects;

/** Posts messages on behalf of this replica. */
public final class PostMessageService implements PostMessageUseCase {

  private final MessageRepository repository;
  private final ReplicaId replica;
  private final Clock clock;

  public PostMessageService(MessageRepository repository, ReplicaId replica, Clock clock) {
    this.repository = Objects.requireNonNull(repository, "repository");
    this.replica = Objects.requireNonNull(replica, "replica");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Message post(PostMessageCommand command) {
    return repository.add(new NewMessage(command.id(), command.text(), replica, clock.instant()));
  }
}

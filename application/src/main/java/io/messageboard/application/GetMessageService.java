package io.messageboard.application;

import io.messageboard.domain.failure.MessageNotFoundException;
import io.messageboard.domain.model.Message;
import io.messageboard.domain.model.MessageId;
import io.messageboard.domain.port.in.GetMessageUseCase;
import io.messageboard.domain.port.out.MessageRepository;
import java.util.Objects;

/** Reads single messages. */
public final class GetMessageService implements GetMessageUseCase {

  private final MessageRepository repository;

  public GetMessageService(MessageRepository repository) {
    this.repository = Objects.requireNonNull(repository, "repository");
  }

  @Override
  public Message get(MessageId id) {
    return repository.findById(id).orElseThrow(() -> new MessageNotFoundException(id.value()));
  }
}

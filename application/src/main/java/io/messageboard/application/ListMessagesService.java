package io.messageboard.application;

import io.messageboard.domain.model.MessagePage;
import io.messageboard.domain.model.PageRequest;
import io.messageboard.domain.port.in.ListMessagesUseCase;
import io.messageboard.domain.port.out.MessageRepository;
import java.util.Objects;

/** Lists messages a page at a time. */
public final class ListMessagesService implements ListMessagesUseCase {

  private final MessageRepository repository;

  public ListMessagesService(MessageRepository repository) {
    this.repository = Objects.requireNonNull(repository, "repository");
  }

  @Override
  public MessagePage list(PageRequest request) {
    return repository.findPage(request);
  }
}

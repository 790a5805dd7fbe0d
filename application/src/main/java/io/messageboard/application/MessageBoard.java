package io.messageboard.application;

import io.messageboard.domain.model.ReplicaId;
import io.messageboard.domain.port.in.DeleteMessageUseCase;
import io.messageboard.domain.port.in.EditMessageUseCase;
import io.messageboard.domain.port.in.ExportMessagesUseCase;
import io.messageboard.domain.port.in.GetMessageUseCase;
import io.messageboard.domain.port.in.ListMessagesUseCase;
import io.messageboard.domain.port.in.PostMessageUseCase;
import io.messageboard.domain.port.out.MessageMetrics;
import io.messageboard.domain.port.out.MessageRepository;
import java.time.Clock;

/**
 * Every use case of the message board, wired to one repository; the entry point for library users.
 */
public record MessageBoard(
    PostMessageUseCase post,
    GetMessageUseCase get,
    ListMessagesUseCase list,
    ExportMessagesUseCase export,
    EditMessageUseCase edit,
    DeleteMessageUseCase delete) {

  public static MessageBoard over(
      MessageRepository repository, MessageMetrics metrics, ReplicaId replica, Clock clock) {
    return new MessageBoard(
        new PostMessageService(repository, metrics, replica, clock),
        new GetMessageService(repository, metrics),
        new ListMessagesService(repository, metrics),
        new ExportMessagesService(repository, metrics),
        new EditMessageService(repository, metrics, clock),
        new DeleteMessageService(repository, metrics));
  }
}

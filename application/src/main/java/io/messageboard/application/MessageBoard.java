package io.messageboard.application;

import io.messageboard.domain.model.ReplicaId;
import io.messageboard.domain.port.in.DeleteMessageUseCase;
import io.messageboard.domain.port.in.EditMessageUseCase;
import io.messageboard.domain.port.in.ExportMessagesUseCase;
import io.messageboard.domain.port.in.GetMessageUseCase;
import io.messageboard.domain.port.in.ListMessagesUseCase;
import io.messageboard.domain.port.in.PostMessageOnceUseCase;
import io.messageboard.domain.port.in.PostMessageUseCase;
import io.messageboard.domain.port.out.IdempotencyKeyRepository;
import io.messageboard.domain.port.out.MessageMetrics;
import io.messageboard.domain.port.out.MessageRepository;
import java.time.Clock;
import java.time.Duration;

/**
 * Every use case of the message board, wired to one repository, with outcomes counted on {@code
 * metrics}; the entry point for library users.
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
    MessageBoard services =
        new MessageBoard(
            new PostMessageService(repository, replica, clock),
            new GetMessageService(repository),
            new ListMessagesService(repository),
            new ExportMessagesService(repository),
            new EditMessageService(repository, clock),
            new DeleteMessageService(repository));
    return MeteredUseCases.around(services, metrics);
  }

  /**
   * Posting at most once per idempotency key, with keys kept in {@code keys} for {@code
   * keyLifetime} and outcomes counted on {@code metrics}.
   */
  public static PostMessageOnceUseCase postOnce(
      IdempotencyKeyRepository keys,
      Duration keyLifetime,
      MessageMetrics metrics,
      ReplicaId replica,
      Clock clock) {
    return new MeteredPostOnce(
        new PostMessageOnceService(keys, replica, clock, keyLifetime), metrics);
  }
}

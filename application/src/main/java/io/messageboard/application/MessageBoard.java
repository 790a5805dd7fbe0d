package io.messageboard.application;

import io.messageboard.domain.model.ReplicaId;
import io.messageboard.domain.port.in.DeleteMessageUseCase;
import io.messageboard.domain.port.in.EditMessageUseCase;
import io.messageboard.domain.port.in.ExportMessagesUseCase;
import io.messageboard.domain.port.in.GetMessageUseCase;
import io.messageboard.domain.port.in.ListMessagesUseCase;
import io.messageboard.domain.port.in.PostMessageOnceUseCase;
import io.messageboard.domain.port.in.PostMessageUseCase;
import io.messageboard.domain.port.in.PurgeIdempotencyKeysUseCase;
import io.messageboard.domain.port.in.UseCases;
import io.messageboard.domain.port.out.IdempotencyKeyRepository;
import io.messageboard.domain.port.out.MessageMetrics;
import io.messageboard.domain.port.out.MessageRepository;
import java.time.Clock;
import java.time.Duration;

/**
 * Every use case of the message board, wired to one message store and one idempotency key store,
 * with outcomes counted on {@code metrics}; the entry point for library users and what bootstrap
 * hands to the HTTP adapter.
 */
public record MessageBoard(
    PostMessageUseCase post,
    PostMessageOnceUseCase postOnce,
    GetMessageUseCase get,
    ListMessagesUseCase list,
    ExportMessagesUseCase export,
    EditMessageUseCase edit,
    DeleteMessageUseCase delete,
    PurgeIdempotencyKeysUseCase purgeIdempotencyKeys)
    implements UseCases {

  /**
   * The use cases over {@code messages}, posts with an idempotency key remembered in {@code keys}
   * for {@code keyLifetime}, each outcome counted on {@code metrics}.
   */
  public static MessageBoard over(
      MessageRepository messages,
      IdempotencyKeyRepository keys,
      Duration keyLifetime,
      MessageMetrics metrics,
      ReplicaId replica,
      Clock clock) {
    MessageBoard services =
        new MessageBoard(
            new PostMessageService(messages, replica, clock),
            new PostMessageOnceService(keys, replica, clock, keyLifetime),
            new GetMessageService(messages),
            new ListMessagesService(messages),
            new ExportMessagesService(messages),
            new EditMessageService(messages, clock),
            new DeleteMessageService(messages),
            new PurgeIdempotencyKeysService(keys));
    return MeteredUseCases.around(services, metrics);
  }
}

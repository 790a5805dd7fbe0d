package io.messageboard.application;

import io.messageboard.domain.command.DeleteMessageCommand;
import io.messageboard.domain.command.EditMessageCommand;
import io.messageboard.domain.command.PostMessageCommand;
import io.messageboard.domain.failure.DomainException;
import io.messageboard.domain.idempotency.PostMessageOnceCommand;
import io.messageboard.domain.idempotency.PostOutcome;
import io.messageboard.domain.model.Message;
import io.messageboard.domain.model.MessageId;
import io.messageboard.domain.model.MessagePage;
import io.messageboard.domain.model.PageRequest;
import io.messageboard.domain.port.in.DeleteMessageUseCase;
import io.messageboard.domain.port.in.EditMessageUseCase;
import io.messageboard.domain.port.in.ExportMessagesUseCase;
import io.messageboard.domain.port.in.GetMessageUseCase;
import io.messageboard.domain.port.in.ListMessagesUseCase;
import io.messageboard.domain.port.in.PostMessageOnceUseCase;
import io.messageboard.domain.port.in.PostMessageUseCase;
import io.messageboard.domain.port.in.PurgeIdempotencyKeysUseCase;
import io.messageboard.domain.port.out.MessageMetrics;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Decorator around the use cases that counts their outcomes: messages created, edited and deleted,
 * and every domain failure by kind. The one place message metrics are written; the services and the
 * adapters calling them count nothing. A replayed post created nothing, so only a fresh one counts.
 */
final class MeteredUseCases
    implements PostMessageUseCase,
        PostMessageOnceUseCase,
        GetMessageUseCase,
        ListMessagesUseCase,
        ExportMessagesUseCase,
        EditMessageUseCase,
        DeleteMessageUseCase,
        PurgeIdempotencyKeysUseCase {

  private final MessageBoard services;
  private final MessageMetrics metrics;

  private MeteredUseCases(MessageBoard services, MessageMetrics metrics) {
    this.services = Objects.requireNonNull(services, "services");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
  }

  /** The same use cases, each counted. */
  static MessageBoard around(MessageBoard services, MessageMetrics metrics) {
    MeteredUseCases metered = new MeteredUseCases(services, metrics);
    return new MessageBoard(metered, metered, metered, metered, metered, metered, metered, metered);
  }

  @Override
  public Message post(PostMessageCommand command) {
    Message posted = counted(() -> services.post().post(command));
    metrics.messageCreated();
    return posted;
  }

  @Override
  public PostOutcome post(PostMessageOnceCommand command) {
    PostOutcome outcome = counted(() -> services.postOnce().post(command));
    if (!outcome.replayed()) {
      metrics.messageCreated();
    }
    return outcome;
  }

  @Override
  public Message get(MessageId id) {
    return counted(() -> services.get().get(id));
  }

  @Override
  public MessagePage list(PageRequest request) {
    return counted(() -> services.list().list(request));
  }

  @Override
  public void exportAll(Consumer<Message> sink) {
    countedRun(() -> services.export().exportAll(sink));
  }

  @Override
  public Message edit(EditMessageCommand command) {
    Message edited = counted(() -> services.edit().edit(command));
    metrics.messageEdited();
    return edited;
  }

  @Override
  public void delete(DeleteMessageCommand command) {
    countedRun(() -> services.delete().delete(command));
    metrics.messageDeleted();
  }

  @Override
  public int purgeExpired() {
    return counted(() -> services.purgeIdempotencyKeys().purgeExpired());
  }

  private void countedRun(Runnable useCase) {
    counted(
        () -> {
          useCase.run();
          return null;
        });
  }

  private <T> T counted(Supplier<T> useCase) {
    try {
      return useCase.get();
    } catch (DomainException failure) {
      metrics.failed(failure.kind());
      throw failure;
    }
  }
}

package io.messageboard.adapter.http;

import io.messageboard.adapter.http.legacy.LegacyRoutes;
import io.messageboard.adapter.http.v1.MessageEventsRoute;
import io.messageboard.adapter.http.v1.MessagesV1Routes;
import io.messageboard.domain.failure.MessageNotFoundException;
import io.messageboard.domain.model.Message;
import io.messageboard.domain.model.MessagePage;
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
import io.messageboard.domain.port.in.WatchMessagesUseCase;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Every use case stubbed with a lambda, for HTTP tests that run the API without an application.
 * Starts as an empty store (nothing found, empty lists, posting not stubbed); tests replace what
 * they need. Implements {@link UseCases}, so a new use case does not compile here until it has a
 * stub.
 */
final class UseCaseStubs implements UseCases {

  PostMessageUseCase post =
      command -> {
        throw new UnsupportedOperationException("posting is not stubbed");
      };
  PostMessageOnceUseCase postOnce =
      command -> {
        throw new UnsupportedOperationException("posting with a key is not stubbed");
      };
  GetMessageUseCase get =
      id -> {
        throw new MessageNotFoundException(id.value());
      };
  ListMessagesUseCase list = request -> new MessagePage(List.<Message>of(), Optional.empty());
  ExportMessagesUseCase export = sink -> {};
  EditMessageUseCase edit =
      command -> {
        throw new MessageNotFoundException(command.id().value());
      };
  DeleteMessageUseCase delete =
      command -> {
        throw new MessageNotFoundException(command.id().value());
      };
  PurgeIdempotencyKeysUseCase purgeIdempotencyKeys = () -> 0;
  WatchMessagesUseCase watch =
      after -> {
        throw new UnsupportedOperationException("the change feed is not stubbed");
      };

  static UseCaseStubs emptyStore() {
    return new UseCaseStubs();
  }

  UseCaseStubs withExport(ExportMessagesUseCase replacement) {
    export = replacement;
    return this;
  }

  UseCaseStubs withEdit(EditMessageUseCase replacement) {
    edit = replacement;
    return this;
  }

  MessagesV1Routes v1Routes() {
    return new MessagesV1Routes(this);
  }

  /** The feed's route on the stub read at each request, with a heartbeat every second. */
  MessageEventsRoute eventsRoute() {
    return new MessageEventsRoute(after -> watch.watch(after), Duration.ofSeconds(1));
  }

  LegacyRoutes legacyRoutes(ReplicaId replica) {
    return new LegacyRoutes(replica, this);
  }

  // Read on every call, so that a stub replaced after the routes were built still answers.

  @Override
  public PostMessageUseCase post() {
    return post;
  }

  @Override
  public PostMessageOnceUseCase postOnce() {
    return postOnce;
  }

  @Override
  public GetMessageUseCase get() {
    return get;
  }

  @Override
  public ListMessagesUseCase list() {
    return list;
  }

  @Override
  public ExportMessagesUseCase export() {
    return export;
  }

  @Override
  public EditMessageUseCase edit() {
    return edit;
  }

  @Override
  public DeleteMessageUseCase delete() {
    return delete;
  }

  @Override
  public PurgeIdempotencyKeysUseCase purgeIdempotencyKeys() {
    return purgeIdempotencyKeys;
  }
}

package io.messageboard.adapter.http;

import io.messageboard.adapter.http.legacy.LegacyRoutes;
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
import io.messageboard.domain.port.in.PostMessageUseCase;
import java.util.List;
import java.util.Optional;

/** Use cases stubbed with lambdas, for HTTP tests that run the API without an application. */
record UseCaseStubs(
    PostMessageUseCase post,
    GetMessageUseCase get,
    ListMessagesUseCase list,
    ExportMessagesUseCase export,
    EditMessageUseCase edit,
    DeleteMessageUseCase delete) {

  /** Use cases over an empty store: nothing is ever found, posting is not stubbed. */
  static UseCaseStubs emptyStore() {
    return new UseCaseStubs(
        command -> {
          throw new UnsupportedOperationException("posting is not stubbed");
        },
        id -> {
          throw new MessageNotFoundException(id.value());
        },
        request -> new MessagePage(List.<Message>of(), Optional.empty()),
        sink -> {},
        command -> {
          throw new MessageNotFoundException(command.id().value());
        },
        command -> {
          throw new MessageNotFoundException(command.id().value());
        });
  }

  UseCaseStubs withExport(ExportMessagesUseCase replacement) {
    return new UseCaseStubs(post, get, list, replacement, edit, delete);
  }

  UseCaseStubs withEdit(EditMessageUseCase replacement) {
    return new UseCaseStubs(post, get, list, export, replacement, delete);
  }

  MessagesV1Routes v1Routes() {
    return new MessagesV1Routes(post, get, list, edit, delete);
  }

  LegacyRoutes legacyRoutes(ReplicaId replica) {
    return new LegacyRoutes(replica, post, get, list, export, edit, delete);
  }
}

package io.messageboard.adapter.http;

import io.messageboard.domain.port.in.DeleteMessageUseCase;
import io.messageboard.domain.port.in.EditMessageUseCase;
import io.messageboard.domain.port.in.ExportMessagesUseCase;
import io.messageboard.domain.port.in.GetMessageUseCase;
import io.messageboard.domain.port.in.ListMessagesUseCase;
import io.messageboard.domain.port.in.PostMessageUseCase;
import java.util.Objects;

/** The driving ports the HTTP API calls. */
public record MessageUseCases(
    PostMessageUseCase post,
    GetMessageUseCase get,
    ListMessagesUseCase list,
    ExportMessagesUseCase export,
    EditMessageUseCase edit,
    DeleteMessageUseCase delete) {

  public MessageUseCases {
    Objects.requireNonNull(post, "post");
    Objects.requireNonNull(get, "get");
    Objects.requireNonNull(list, "list");
    Objects.requireNonNull(export, "export");
    Objects.requireNonNull(edit, "edit");
    Objects.requireNonNull(delete, "delete");
  }
}

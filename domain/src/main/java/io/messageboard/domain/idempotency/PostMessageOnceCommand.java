package io.messageboard.domain.idempotency;

import io.messageboard.domain.command.PostMessageCommand;
import io.messageboard.domain.model.Message;
import java.util.Objects;
import java.util.function.Function;

/**
 * Input of {@code PostMessageOnceUseCase}: the post, the client it comes from, the client's
 * idempotency key for it, and how the caller answers a created message (recorded, so that a retry
 * gets the same answer).
 */
public record PostMessageOnceCommand(
    PostMessageCommand post,
    ClientScope scope,
    IdempotencyKey key,
    Function<Message, RecordedResponse> response) {

  public PostMessageOnceCommand {
    Objects.requireNonNull(post, "post");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(response, "response");
  }
}

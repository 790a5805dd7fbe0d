package io.messageboard.domain.idempotency;

import io.messageboard.domain.command.PostMessageCommand;
import java.util.Objects;

/**
 * Input of {@code PostMessageOnceUseCase}: the post, the client it comes from and the client's
 * idempotency key for it.
 */
public record PostMessageOnceCommand(
    PostMessageCommand post, ClientScope scope, IdempotencyKey key) {

  public PostMessageOnceCommand {
    Objects.requireNonNull(post, "post");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(key, "key");
  }
}

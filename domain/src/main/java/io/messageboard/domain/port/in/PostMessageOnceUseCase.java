package io.messageboard.domain.port.in;

import io.messageboard.domain.idempotency.PostMessageOnceCommand;
import io.messageboard.domain.idempotency.PostOutcome;

/**
 * Driving port: posts a message at most once per idempotency key. A retry with the key gets the
 * first request's response replayed; fails with {@code IdempotencyKeyReusedException} when the key
 * was used for another body and {@code IdempotencyKeyInUseException} while a request with the key
 * is still running; otherwise fails like {@link PostMessageUseCase}.
 */
public interface PostMessageOnceUseCase {

  PostOutcome post(PostMessageOnceCommand command);
}

package io.messageboard.client.wire;

import org.jspecify.annotations.Nullable;

/**
 * The service answered with something the contract does not allow: a body that is not the JSON it
 * promises, or a status it never sends. A bug on one side, never a condition to retry.
 */
public final class MalformedResponseException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public MalformedResponseException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}

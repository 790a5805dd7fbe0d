package io.messageboard.domain.idempotency;

import java.util.regex.Pattern;

/**
 * Whose idempotency keys these are: a key means one request only within its client's scope, so two
 * clients that pick the same key never see each other's responses. Derived from the credential that
 * authorised the request, never the credential itself; {@link #ANONYMOUS} for requests that carry
 * none.
 */
public record ClientScope(String value) {

  public static final int MAX_LENGTH = 64;

  // Before ANONYMOUS: static fields are set in order, and its constructor needs the pattern.
  private static final Pattern SYNTAX = Pattern.compile("[0-9a-z-]{1," + MAX_LENGTH + "}");

  /** The one scope every request shares when writes need no credential. */
  public static final ClientScope ANONYMOUS = new ClientScope("anonymous");

  public ClientScope {
    if (value == null || !SYNTAX.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "a client scope is 1 to " + MAX_LENGTH + " of 0-9 a-z and '-'");
    }
  }
}

package io.messageboard.adapter.http.auth;

import io.javalin.http.Context;
import io.messageboard.domain.idempotency.ClientScope;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The client a write comes from, as the scope of its idempotency keys: the first 128 bits of a
 * SHA-256 over the bearer token that authorised it, in hex, so that the token itself is never
 * stored; {@link ClientScope#ANONYMOUS} when writes need no token. A rotated token is a new scope.
 */
public final class ClientScopes {

  // Keeps the stored digest apart from a plain SHA-256 of the token computed anywhere else.
  private static final String PURPOSE = "messageboard idempotency-key scope\n";
  private static final int HEX_DIGITS = 32;
  private static final String ATTRIBUTE = ClientScopes.class.getName();

  private ClientScopes() {}

  /** The scope of requests authorised by {@code token}. */
  public static ClientScope ofToken(String token) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest((PURPOSE + token).getBytes(StandardCharsets.UTF_8));
      return new ClientScope(HexFormat.of().formatHex(digest).substring(0, HEX_DIGITS));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }

  /** The scope {@link WriteAuthorization} found for this request; anonymous if it found none. */
  public static ClientScope of(Context ctx) {
    ClientScope scope = ctx.attribute(ATTRIBUTE);
    return scope == null ? ClientScope.ANONYMOUS : scope;
  }

  static void remember(Context ctx, String token) {
    ctx.attribute(ATTRIBUTE, ofToken(token));
  }
}

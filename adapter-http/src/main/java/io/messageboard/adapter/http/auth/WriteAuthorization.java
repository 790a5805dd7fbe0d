package io.messageboard.adapter.http.auth;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.Header;
import java.util.Objects;
import java.util.Set;

/**
 * Lets writes (POST, PUT, DELETE) reach their route only with an accepted bearer token (RFC 6750)
 * when tokens are configured, and tells the route which client the token names ({@link
 * ClientScopes}); reads are always public. Runs before the route, so a refused write changes
 * nothing and its body is never read.
 */
public final class WriteAuthorization implements Handler {

  public static final String REALM = "messageboard";
  static final String CHALLENGE = "Bearer realm=\"" + REALM + "\"";
  static final String INVALID_TOKEN_CHALLENGE = CHALLENGE + ", error=\"invalid_token\"";

  private static final Set<HandlerType> WRITES =
      Set.of(HandlerType.POST, HandlerType.PUT, HandlerType.DELETE);
  private static final String SCHEME = "Bearer";

  private final BearerTokens tokens;

  public WriteAuthorization(BearerTokens tokens) {
    this.tokens = Objects.requireNonNull(tokens, "tokens");
  }

  @Override
  public void handle(Context ctx) {
    if (!tokens.required() || !WRITES.contains(ctx.method())) {
      return;
    }
    String[] credentials = credentials(ctx.header(Header.AUTHORIZATION));
    if (!credentials[0].equalsIgnoreCase(SCHEME)) {
      ctx.header(Header.WWW_AUTHENTICATE, CHALLENGE);
      throw new UnauthorizedException(
          "Writes need a bearer token: send Authorization: Bearer <token>.");
    }
    if (!tokens.accepts(credentials[1])) {
      ctx.header(Header.WWW_AUTHENTICATE, INVALID_TOKEN_CHALLENGE);
      throw new UnauthorizedException("The bearer token is not accepted.");
    }
    ClientScopes.remember(ctx, credentials[1]);
  }

  /** The scheme and the rest of an Authorization header; both empty when there is none. */
  private static String[] credentials(String authorization) {
    if (authorization == null) {
      return new String[] {"", ""};
    }
    String[] parts = authorization.strip().split("\\s+", 2);
    return new String[] {parts[0], parts.length > 1 ? parts[1] : ""};
  }
}

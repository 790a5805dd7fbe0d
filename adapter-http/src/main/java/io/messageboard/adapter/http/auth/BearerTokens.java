package io.messageboard.adapter.http.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The bearer tokens that may write. Only their SHA-256 digests are kept, and a presented token is
 * compared with every one of them in constant time, so neither its content nor its length leaks
 * through timing.
 */
public final class BearerTokens {

  /** RFC 6750's b64token: the characters a bearer token may hold. */
  private static final Pattern TOKEN_SYNTAX = Pattern.compile("[A-Za-z0-9._~+/-]+=*");

  /** Shorter tokens can be guessed; generated ones are far longer. */
  public static final int MINIMUM_LENGTH = 16;

  private final List<byte[]> digests;

  private BearerTokens(List<byte[]> digests) {
    this.digests = digests;
  }

  /** No token configured: writes are open, as in the one-command local run. */
  public static BearerTokens none() {
    return new BearerTokens(List.of());
  }

  /**
   * The given tokens, several at once so that one can be rotated while the other still works.
   *
   * @throws IllegalArgumentException naming the position, never the value, of a token that is not a
   *     well-formed bearer token of at least {@link #MINIMUM_LENGTH} characters
   */
  public static BearerTokens of(List<String> tokens) {
    if (tokens.isEmpty()) {
      throw new IllegalArgumentException("no token given");
    }
    for (int i = 0; i < tokens.size(); i++) {
      String token = tokens.get(i);
      if (token.length() < MINIMUM_LENGTH || !TOKEN_SYNTAX.matcher(token).matches()) {
        throw new IllegalArgumentException(
            "token %d of %d is not %d or more of A-Z a-z 0-9 - . _ ~ + / (then = padding)"
                .formatted(i + 1, tokens.size(), MINIMUM_LENGTH));
      }
    }
    return new BearerTokens(tokens.stream().map(BearerTokens::digest).toList());
  }

  /** Whether writes need a token at all. */
  public boolean required() {
    return !digests.isEmpty();
  }

  /** How many tokens are accepted (for the startup line; never the tokens themselves). */
  public int count() {
    return digests.size();
  }

  /** Whether {@code presented} is one of the tokens; always compares with all of them. */
  public boolean accepts(String presented) {
    byte[] digest = digest(presented);
    boolean accepted = false;
    for (byte[] known : digests) {
      accepted |= MessageDigest.isEqual(known, digest);
    }
    return accepted;
  }

  @Override
  public String toString() {
    return "BearerTokens[" + digests.size() + " token(s)]";
  }

  private static byte[] digest(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }
}

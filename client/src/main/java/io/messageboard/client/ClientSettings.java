package io.messageboard.client;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What a client was built with: where the service is, the token for writes, how long one attempt
 * may take and how long a call may go on retrying.
 */
record ClientSettings(
    URI baseUri, Optional<String> bearerToken, Duration requestTimeout, Duration retryDeadline) {

  ClientSettings {
    Objects.requireNonNull(baseUri, "baseUri");
    if (!baseUri.isAbsolute()
        || !(baseUri.getScheme().equals("http") || baseUri.getScheme().equals("https"))) {
      throw new IllegalArgumentException(
          "the service's address must be an http(s) URL: " + baseUri);
    }
    // Relative paths resolve under the base's path, so a service behind a path prefix works too.
    if (!baseUri.getPath().endsWith("/")) {
      baseUri = URI.create(baseUri + "/");
    }
    bearerToken.ifPresent(ClientSettings::requireTokenSyntax);
    requirePositive(requestTimeout, "requestTimeout");
    Objects.requireNonNull(retryDeadline, "retryDeadline");
    if (retryDeadline.isNegative()) {
      throw new IllegalArgumentException("retryDeadline must not be negative");
    }
  }

  /**
   * The URL of {@code pathAndQuery}, relative to the base (or absolute-path, like {@code next}).
   */
  URI resolve(String pathAndQuery) {
    return baseUri.resolve(pathAndQuery);
  }

  private static void requireTokenSyntax(String token) {
    // RFC 6750's b64token: a token with anything else could not be sent as a header.
    if (!token.matches("[A-Za-z0-9\\-._~+/]+=*")) {
      throw new IllegalArgumentException(
          "a bearer token is letters, digits and -._~+/ (then '=' padding)");
    }
  }

  private static void requirePositive(Duration duration, String name) {
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }
}

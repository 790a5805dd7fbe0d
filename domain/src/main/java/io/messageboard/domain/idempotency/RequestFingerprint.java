package io.messageboard.domain.idempotency;

import io.messageboard.domain.command.PostMessageCommand;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * SHA-256 of what a request asks for, in hex; a retry must carry the same one as the request whose
 * key it reuses. Taken over the parsed request, so JSON spacing or key order does not matter.
 */
public record RequestFingerprint(String value) {

  private static final Pattern SHA_256_HEX = Pattern.compile("[0-9a-f]{64}");

  public RequestFingerprint {
    if (value == null || !SHA_256_HEX.matcher(value).matches()) {
      throw new IllegalArgumentException("a fingerprint is 64 lower-case hex digits");
    }
  }

  /** The fingerprint of a post: its requested id (or none) and its exact text. */
  public static RequestFingerprint of(PostMessageCommand command) {
    String canonical =
        "POST messages\n"
            + command.id().map(id -> Integer.toString(id.value())).orElse("-")
            + "\n"
            + command.text().value();
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
      return new RequestFingerprint(HexFormat.of().formatHex(digest));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}

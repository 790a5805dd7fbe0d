package io.messageboard.adapter.http.request;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Request ids: a client's sane {@code X-Request-Id} is kept, anything else replaced by a fresh
 * UUID.
 */
public final class RequestIds {

  public static final String HEADER = "X-Request-Id";

  /**
   * Response header naming the replica that answered; set beside the request id on every response.
   */
  public static final String SERVED_BY = "X-Served-By";

  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  private RequestIds() {}

  public static String acceptOrGenerate(@Nullable String fromClient) {
    if (fromClient != null && SANE.matcher(fromClient).matches()) {
      return fromClient;
    }
    return randomUuid().toString();
  }

  /**
   * A random (version 4) UUID from {@link ThreadLocalRandom}: a request id must be unique, not
   * unguessable, and {@link UUID#randomUUID()}'s SecureRandom costs more than the rest of the id.
   */
  static UUID randomUuid() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long mostSignificant = (random.nextLong() & ~0xF000L) | 0x4000L;
    long leastSignificant = (random.nextLong() & ~(0b11L << 62)) | (0b10L << 62);
    return new UUID(mostSignificant, leastSignificant);
  }
}

package io.messageboard.adapter.http.request;

import java.util.UUID;
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
    return UUID.randomUUID().toString();
  }
}

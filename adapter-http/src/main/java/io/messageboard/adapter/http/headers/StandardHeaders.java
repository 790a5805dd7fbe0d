package io.messageboard.adapter.http.headers;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.Header;

/**
 * Headers on every answer of the API: no MIME sniffing, and a {@code Cache-Control} that fits the
 * request. Reads are public and may be kept, but only revalidated ({@code no-cache}: a message is
 * checked with its ETag, answered 304 when unchanged); writes and every failure are never stored.
 * The docs assets set a longer lifetime of their own.
 */
public final class StandardHeaders {

  public static final String NOSNIFF = "nosniff";
  public static final String NO_STORE = "no-store";
  public static final String REVALIDATE = "no-cache";

  private StandardHeaders() {}

  /** Sets the headers a request gets unless its route or a failure says otherwise. */
  public static void apply(Context ctx) {
    boolean read = ctx.method().equals(HandlerType.GET) || ctx.method().equals(HandlerType.HEAD);
    ctx.header(Header.X_CONTENT_TYPE_OPTIONS, NOSNIFF);
    ctx.header(Header.CACHE_CONTROL, read ? REVALIDATE : NO_STORE);
  }
}

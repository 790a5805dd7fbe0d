package io.messageboard.adapter.http.v1;

import io.javalin.http.Context;
import io.messageboard.adapter.http.request.PathIds;
import io.messageboard.adapter.http.request.RequestRejectedException;
import io.messageboard.domain.failure.InvalidInputException;
import io.messageboard.domain.model.MessageId;
import io.messageboard.domain.model.PageRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code limit} and {@code after} of the list endpoint; anything but plain in-range integers
 * is a 400.
 */
final class PageQuery {

  private PageQuery() {}

  static PageRequest from(Context ctx) {
    requireWellEncoded(ctx.queryString());
    int limit = single(ctx, "limit").map(PageQuery::limit).orElse(PageRequest.DEFAULT_LIMIT);
    Optional<MessageId> after = single(ctx, "after").map(raw -> PathIds.parse("after", raw));
    try {
      return new PageRequest(after, limit);
    } catch (InvalidInputException outOfRange) {
      // PageRequest owns the range; in a query string, breaking it is a malformed request.
      throw RequestRejectedException.malformed(outOfRange.field(), outOfRange.reason());
    }
  }

  // Javalin drops parameters it cannot decode; a malformed query must not silently become the
  // default page.
  private static void requireWellEncoded(String query) {
    if (query == null) {
      return;
    }
    try {
      URLDecoder.decode(query, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw RequestRejectedException.malformed("query", "has a malformed percent-encoding");
    }
  }

  private static Optional<String> single(Context ctx, String name) {
    List<String> values = ctx.queryParams(name);
    if (values.size() > 1) {
      throw RequestRejectedException.malformed(name, "must be given at most once");
    }
    return values.stream().findFirst();
  }

  private static int limit(String raw) {
    if (!raw.matches("[0-9]{1,9}")) {
      throw RequestRejectedException.malformed("limit", PageRequest.LIMIT_RULE);
    }
    return Integer.parseInt(raw);
  }

  static String nextUrl(String path, int limit, MessageId after) {
    return path + "?limit=" + limit + "&after=" + after.value();
  }
}

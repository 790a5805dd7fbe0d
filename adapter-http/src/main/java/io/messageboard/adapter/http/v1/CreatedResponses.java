package io.messageboard.adapter.http.v1;

import io.javalin.http.Context;
import io.javalin.http.Header;
import io.messageboard.adapter.http.request.IdempotencyKeyHeader;
import io.messageboard.domain.idempotency.PostOutcome;
import io.messageboard.domain.model.Message;

/**
 * The 201 answer to a post with an idempotency key, rendered from the message it created; a replay
 * renders the message as it was created the same way, so it carries the same status, Location,
 * ETag, Content-Type and body bytes as the first answer, plus {@code Idempotent-Replayed: true}.
 */
final class CreatedResponses {

  static final String JSON = "application/json";

  private CreatedResponses() {}

  static String location(Message created) {
    return MessagesV1Routes.COLLECTION + "/" + created.id().value();
  }

  static void send(Context ctx, PostOutcome outcome) {
    Message created = outcome.created();
    ctx.status(201)
        .header(Header.LOCATION, location(created))
        .header(Header.ETAG, EntityTags.of(created))
        .header(Header.CONTENT_TYPE, JSON);
    if (outcome.replayed()) {
      ctx.header(IdempotencyKeyHeader.REPLAYED, "true");
    }
    ctx.result(ctx.jsonMapper().toJsonString(MessageResponse.from(created), MessageResponse.class));
  }
}

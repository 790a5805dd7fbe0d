package io.messageboard.adapter.http.v1;

import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.json.JsonMapper;
import io.messageboard.adapter.http.request.IdempotencyKeyHeader;
import io.messageboard.domain.idempotency.PostOutcome;
import io.messageboard.domain.idempotency.RecordedResponse;
import io.messageboard.domain.model.Message;
import java.util.Map;

/**
 * The 201 answer to a post as a recorded response (kept under its idempotency key) and its sending,
 * so that a replay carries the same status, Location, ETag, Content-Type and body.
 */
final class CreatedResponses {

  static final String JSON = "application/json";

  private CreatedResponses() {}

  static String location(Message created) {
    return MessagesV1Routes.COLLECTION + "/" + created.id().value();
  }

  static RecordedResponse of(Message created, JsonMapper json) {
    return new RecordedResponse(
        201,
        Map.of(
            Header.LOCATION,
            location(created),
            Header.ETAG,
            EntityTags.of(created),
            Header.CONTENT_TYPE,
            JSON),
        json.toJsonString(MessageResponse.from(created), MessageResponse.class));
  }

  static void send(Context ctx, PostOutcome outcome) {
    RecordedResponse response = outcome.response();
    ctx.status(response.status());
    response.headers().forEach(ctx::header);
    if (outcome.replayed()) {
      ctx.header(IdempotencyKeyHeader.REPLAYED, "true");
    }
    ctx.result(response.body());
  }
}

package io.messageboard.adapter.http.v1;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.messageboard.adapter.http.auth.ClientScopes;
import io.messageboard.adapter.http.request.IdempotencyKeyHeader;
import io.messageboard.adapter.http.request.MessageBodies;
import io.messageboard.adapter.http.request.PathIds;
import io.messageboard.domain.command.DeleteMessageCommand;
import io.messageboard.domain.command.EditMessageCommand;
import io.messageboard.domain.command.PostMessageCommand;
import io.messageboard.domain.idempotency.IdempotencyKey;
import io.messageboard.domain.idempotency.PostMessageOnceCommand;
import io.messageboard.domain.idempotency.PostOutcome;
import io.messageboard.domain.model.Message;
import io.messageboard.domain.model.MessageId;
import io.messageboard.domain.model.MessagePage;
import io.messageboard.domain.model.MessageText;
import io.messageboard.domain.model.PageRequest;
import io.messageboard.domain.port.in.UseCases;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Version 1 of the message API, under {@code /api/v1/messages}. */
public final class MessagesV1Routes {

  public static final String COLLECTION = "/api/v1/messages";
  public static final String ITEM = COLLECTION + "/{id}";

  private final UseCases useCases;

  public MessagesV1Routes(UseCases useCases) {
    this.useCases = Objects.requireNonNull(useCases, "useCases");
  }

  public void register(RoutesConfig routes) {
    routes.get(COLLECTION, this::list);
    routes.head(COLLECTION, this::list);
    routes.post(COLLECTION, this::post);
    routes.get(ITEM, this::get);
    routes.head(ITEM, this::get);
    routes.put(ITEM, this::edit);
    routes.delete(ITEM, this::delete);
  }

  private void list(Context ctx) {
    PageRequest request = PageQuery.from(ctx);
    MessagePage page = useCases.list().list(request);
    @Nullable String next =
        page.nextAfter()
            .map(after -> PageQuery.nextUrl(COLLECTION, request.limit(), after))
            .orElse(null);
    ctx.json(
        new MessagePageResponse(page.items().stream().map(MessageResponse::from).toList(), next));
  }

  private void post(Context ctx) {
    Optional<IdempotencyKey> key = IdempotencyKeyHeader.from(ctx);
    MessageBodies.Posted body = MessageBodies.posted(ctx, "id", "text", false);
    PostMessageCommand command = new PostMessageCommand(body.id(), body.text());
    if (key.isPresent()) {
      PostOutcome outcome =
          useCases
              .postOnce()
              .post(new PostMessageOnceCommand(command, ClientScopes.of(ctx), key.get()));
      CreatedResponses.send(ctx, outcome);
      return;
    }
    Message created = useCases.post().post(command);
    ctx.status(201).header(Header.LOCATION, CreatedResponses.location(created));
    respond(ctx, created);
  }

  private void get(Context ctx) {
    Message message = useCases.get().get(PathIds.parse("id", ctx.pathParam("id")));
    if (EntityTags.noneMatchHits(ctx.header(Header.IF_NONE_MATCH), message)) {
      ctx.status(304).header(Header.ETAG, EntityTags.of(message)).removeHeader(Header.CONTENT_TYPE);
      return;
    }
    respond(ctx, message);
  }

  private void edit(Context ctx) {
    MessageId id = PathIds.parse("id", ctx.pathParam("id"));
    var expectedVersion = EntityTags.requiredVersion(ctx.header(Header.IF_MATCH));
    MessageText text = MessageBodies.edited(ctx, "text");
    respond(ctx, useCases.edit().edit(new EditMessageCommand(id, text, expectedVersion)));
  }

  private void delete(Context ctx) {
    MessageId id = PathIds.parse("id", ctx.pathParam("id"));
    var expectedVersion = EntityTags.requiredVersion(ctx.header(Header.IF_MATCH));
    useCases.delete().delete(new DeleteMessageCommand(id, expectedVersion));
    ctx.status(204);
  }

  private static void respond(Context ctx, Message message) {
    ctx.header(Header.ETAG, EntityTags.of(message)).json(MessageResponse.from(message));
  }
}

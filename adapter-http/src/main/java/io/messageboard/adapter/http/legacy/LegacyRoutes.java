package io.messageboard.adapter.http.legacy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.messageboard.adapter.http.request.MessageBodies;
import io.messageboard.adapter.http.request.PathIds;
import io.messageboard.domain.command.DeleteMessageCommand;
import io.messageboard.domain.command.EditMessageCommand;
import io.messageboard.domain.command.PostMessageCommand;
import io.messageboard.domain.model.Message;
import io.messageboard.domain.model.MessageId;
import io.messageboard.domain.model.MessageText;
import io.messageboard.domain.model.PageRequest;
import io.messageboard.domain.model.ReplicaId;
import io.messageboard.domain.port.in.UseCases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * The legacy API of the original system ({@code /} and {@code /data}): same paths and bodies, with
 * real status codes.
 */
public final class LegacyRoutes {

  public static final String ROOT = "/";
  public static final String COLLECTION = "/data";
  public static final String ITEM = "/data/{id}";

  // Emoji go out as UTF-8 bytes, not as escaped surrogate pairs, like everywhere else in the API.
  private static final JsonFactory JSON =
      JsonFactory.builder().enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8).build();

  private final ReplicaId replica;
  private final UseCases useCases;

  public LegacyRoutes(ReplicaId replica, UseCases useCases) {
    this.replica = Objects.requireNonNull(replica, "replica");
    this.useCases = Objects.requireNonNull(useCases, "useCases");
  }

  /**
   * Whether a request path belongs to this API, so that its errors are rendered in the original
   * system's shape.
   */
  public static boolean owns(String path) {
    return path.equals(ROOT) || path.equals(COLLECTION) || path.matches("/data/[^/]+");
  }

  public void register(RoutesConfig routes) {
    routes.get(ROOT, this::hello);
    routes.head(ROOT, this::hello);
    routes.get(COLLECTION, this::all);
    routes.head(COLLECTION, this::allWithoutBody);
    routes.post(COLLECTION, this::add);
    routes.get(ITEM, this::one);
    routes.head(ITEM, this::one);
    routes.put(ITEM, this::edit);
    routes.delete(ITEM, this::delete);
  }

  private void hello(Context ctx) {
    ctx.json(
        Map.of(
            "Message",
            "Hello from "
                + replica.value()
                + ". Messages are at /data; version 1 of the API is at /api/v1/messages."));
  }

  private void all(Context ctx) throws IOException {
    ctx.contentType("application/json");
    LazyArrayWriter writer = new LazyArrayWriter(ctx);
    useCases.export().exportAll(writer::row);
    writer.finish();
  }

  /**
   * HEAD /data: the status and headers GET would give (200, or 503 while the store is down) from a
   * one-row read, without exporting every row only to discard them.
   */
  private void allWithoutBody(Context ctx) {
    useCases.list().list(PageRequest.first(1));
    ctx.contentType("application/json");
  }

  private void one(Context ctx) {
    Message message = useCases.get().get(PathIds.parse("id", ctx.pathParam("id")));
    ctx.json(List.of(row(message)));
  }

  private void add(Context ctx) {
    MessageBodies.Posted body = MessageBodies.posted(ctx, "clid", "mess", true);
    useCases.post().post(new PostMessageCommand(body.id(), body.text()));
    ctx.status(201).json(Map.of("message", "Message added successfully"));
  }

  private void edit(Context ctx) {
    MessageId id = PathIds.parse("id", ctx.pathParam("id"));
    MessageText text = MessageBodies.edited(ctx, "mess");
    useCases.edit().edit(new EditMessageCommand(id, text, OptionalLong.empty()));
    ctx.json(Map.of("message", "Data updated successfully"));
  }

  private void delete(Context ctx) {
    MessageId id = PathIds.parse("id", ctx.pathParam("id"));
    useCases.delete().delete(new DeleteMessageCommand(id, OptionalLong.empty()));
    ctx.json(Map.of("message", "Data deleted successfully"));
  }

  private static List<Object> row(Message message) {
    return List.of(message.id().value(), message.text(), message.replica());
  }

  /**
   * Writes {@code [[clid, mess, sid], …]} row by row. The array opens with the first row, so a
   * store that fails before any row can still be answered with 503; one that fails later leaves the
   * array unclosed, which no client can mistake for a complete list.
   */
  private static final class LazyArrayWriter {

    private final Context ctx;
    private @Nullable JsonGenerator generator;

    LazyArrayWriter(Context ctx) {
      this.ctx = ctx;
    }

    void row(Message message) {
      try {
        if (generator == null) {
          generator = JSON.createGenerator(ctx.outputStream());
          generator.writeStartArray();
        }
        generator.writeStartArray();
        generator.writeNumber(message.id().value());
        generator.writeString(message.text());
        generator.writeString(message.replica());
        generator.writeEndArray();
      } catch (IOException e) {
        throw new UncheckedIOException("Client stopped reading /data", e);
      }
    }

    void finish() throws IOException {
      if (generator == null) {
        ctx.result("[]");
        return;
      }
      generator.writeEndArray();
      generator.close();
    }
  }
}

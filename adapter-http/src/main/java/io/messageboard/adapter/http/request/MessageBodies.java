package io.messageboard.adapter.http.request;

import io.javalin.http.Context;
import io.messageboard.domain.model.MessageId;
import io.messageboard.domain.model.MessageText;
import java.math.BigInteger;
import java.util.Optional;
import java.util.Set;

/** The two body shapes both APIs accept: an id with a text (posting) and a text alone (editing). */
public final class MessageBodies {

  /** A posted message: the id the client chose, if any, and the text. */
  public record Posted(Optional<MessageId> id, MessageText text) {}

  private MessageBodies() {}

  /** Reads {@code {idField?, textField}} ({@code idField} required when {@code idRequired}). */
  public static Posted posted(Context ctx, String idField, String textField, boolean idRequired) {
    BodyFields fields = new BodyFields(JsonBody.object(ctx, Set.of(idField, textField)));
    Optional<BigInteger> rawId =
        idRequired ? fields.requiredInteger(idField) : fields.optionalInteger(idField);
    Optional<String> rawText = fields.requiredText(textField);
    fields.requireValid();
    DomainValues values = new DomainValues();
    Optional<MessageId> id = values.id(idField, rawId);
    Optional<MessageText> text = values.text(textField, rawText);
    values.requireValid();
    return new Posted(id, text.orElseThrow());
  }

  /** Reads {@code {textField}}. */
  public static MessageText edited(Context ctx, String textField) {
    BodyFields fields = new BodyFields(JsonBody.object(ctx, Set.of(textField)));
    Optional<String> rawText = fields.requiredText(textField);
    fields.requireValid();
    DomainValues values = new DomainValues();
    Optional<MessageText> text = values.text(textField, rawText);
    values.requireValid();
    return text.orElseThrow();
  }
}

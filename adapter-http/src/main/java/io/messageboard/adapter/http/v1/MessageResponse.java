package io.messageboard.adapter.http.v1;

import io.messageboard.domain.model.Message;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** A message as v1 of the API shows it. Timestamps are UTC with exactly three fraction digits. */
public record MessageResponse(
    int id, String text, String replica, String createdAt, String updatedAt, long version) {

  private static final DateTimeFormatter MILLIS_UTC =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  public static MessageResponse from(Message message) {
    return new MessageResponse(
        message.id().value(),
        message.text(),
        message.replica(),
        format(message.createdAt()),
        format(message.updatedAt()),
        message.version());
  }

  private static String format(Instant instant) {
    return MILLIS_UTC.format(instant);
  }
}

package io.messageboard.adapter.http.request;

import io.messageboard.domain.failure.InvalidInputException;
import io.messageboard.domain.model.MessageId;

/** Message ids in paths and query strings: plain decimal digits within the id range, else 400. */
public final class PathIds {

  private PathIds() {}

  public static MessageId parse(String parameter, String raw) {
    try {
      return MessageId.parse(raw);
    } catch (InvalidInputException e) {
      throw RequestRejectedException.malformed(
          parameter, "must be a whole number between 1 and " + MessageId.MAX);
    }
  }
}

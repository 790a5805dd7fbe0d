package io.messageboard.adapter.http.request;

import io.messageboard.domain.failure.InvalidInputException;
import io.messageboard.domain.model.MessageId;

/**
 * Message ids in paths and query strings: decimal digits, with a minus sign for the 0 and negative
 * ids adopted from the original system, within the range of stored ids; else 400.
 */
public final class PathIds {

  private PathIds() {}

  public static MessageId parse(String parameter, String raw) {
    try {
      return MessageId.parse(raw);
    } catch (InvalidInputException e) {
      throw RequestRejectedException.malformed(parameter, e.reason());
    }
  }
}

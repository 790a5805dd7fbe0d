package io.messageboard.domain.feed;

/** What a change did to a message: the feed's event types. */
public enum MessageEventKind {
  CREATED,
  EDITED,
  DELETED
}

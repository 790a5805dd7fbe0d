package io.messageboard.domain.port.out;

import io.messageboard.domain.feed.FeedBounds;
import io.messageboard.domain.feed.MessageEvent;
import java.time.Instant;
import java.util.List;

/**
 * Driven port: the change feed's log. A {@link MessageRepository} (and the keyed post) records each
 * change in the transaction that makes it, so the log holds every committed change and no rolled
 * back one; the log gives recorded changes their positions once committed, in one order that every
 * reader shares, and hands them out in that order.
 *
 * <p>Implementations raise only {@code StorageUnavailableException} as a domain failure.
 */
public interface MessageEventLog {

  /**
   * Gives positions to the changes committed and not yet positioned, each after every position
   * given before, and returns the highest position given so far (0 when none).
   */
  long sequence();

  /** Up to {@code limit} events after {@code position}, in position order, without gaps. */
  List<MessageEvent> after(long position, int limit);

  /** The positions the log holds now: which resumptions it can serve. */
  FeedBounds bounds();

  /**
   * Deletes up to {@code limit} positioned events recorded before {@code cutoff}, oldest first.
   *
   * @return how many were deleted
   */
  int purgeRecordedBefore(Instant cutoff, int limit);
}

package io.messageboard.domain.feed;

/**
 * The positions a feed's log holds: events {@code firstKept} to {@code last}, none when {@code
 * firstKept} is {@code last + 1}. Older events were purged (retention), so a reader can resume
 * after position {@code p} only when {@code firstKept - 1 <= p <= last}.
 */
public record FeedBounds(long firstKept, long last) {

  public FeedBounds {
    if (last < 0 || firstKept < 1 || firstKept > last + 1) {
      throw new IllegalArgumentException("not a log's bounds: " + firstKept + " to " + last);
    }
  }

  /**
   * Whether every event after {@code position} is still in the log: false for a position older than
   * the retention kept, or one the log never gave (another cluster's, or a log restored from an
   * older backup).
   */
  public boolean canResumeAfter(long position) {
    return position >= firstKept - 1 && position <= last;
  }
}

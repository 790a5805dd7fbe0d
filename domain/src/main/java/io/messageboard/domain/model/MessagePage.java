package io.messageboard.domain.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of messages in id order; {@code nextAfter} is where the next page starts, empty on the
 * last page.
 *
 * <p>A page ends early, before its limit, once the texts on it reach {@link #TEXT_BUDGET_BYTES}: a
 * page of 500 texts of 10,000 code points would otherwise hold about 20 MB, enough for a single
 * request to exhaust a replica's heap.
 */
public record MessagePage(List<Message> items, Optional<MessageId> nextAfter) {

  /**
   * UTF-8 bytes of text after which a page takes no further message; the message that reaches it is
   * still on the page, so a page holds at most this plus one text.
   */
  public static final int TEXT_BUDGET_BYTES = 256 * 1024;

  public MessagePage {
    items = List.copyOf(items);
    Objects.requireNonNull(nextAfter, "nextAfter");
  }

  /**
   * Builds the page from up to {@code limit + 1} rows read in id order: it keeps the rows a {@link
   * Fill} takes, and any row left over proves a next page exists.
   */
  public static MessagePage fromLookahead(List<Message> rows, int limit) {
    Fill fill = new Fill(limit);
    int kept = 0;
    while (kept < rows.size() && fill.hasRoom()) {
      fill.take(rows.get(kept).text());
      kept++;
    }
    return ofKept(rows.subList(0, kept), kept < rows.size());
  }

  /**
   * The page of {@code kept}, the rows a {@link Fill} took in id order; {@code more} says a row
   * followed them, so the next page starts after the last one kept.
   */
  public static MessagePage ofKept(List<Message> kept, boolean more) {
    if (!more || kept.isEmpty()) {
      return new MessagePage(kept, Optional.empty());
    }
    return new MessagePage(kept, Optional.of(kept.get(kept.size() - 1).id()));
  }

  /**
   * A page being filled row by row in id order: it has room while it holds fewer than its limit and
   * the texts taken so far are under {@link #TEXT_BUDGET_BYTES}. Stores that read rows as a stream
   * use it to stop reading where the page ends.
   */
  public static final class Fill {
    private final int limit;
    private int rows;
    private long textBytes;

    public Fill(int limit) {
      this.limit = limit;
    }

    /** Whether the page takes the next row. */
    public boolean hasRoom() {
      return rows < limit && textBytes < TEXT_BUDGET_BYTES;
    }

    /** Counts a row the page took. */
    public void take(String text) {
      rows++;
      textBytes += utf8Bytes(text);
    }
  }

  /** The length of {@code text} in UTF-8, as MariaDB's {@code LENGTH} counts a utf8mb4 text. */
  public static long utf8Bytes(String text) {
    long bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }
}

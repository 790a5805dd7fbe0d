package io.messageboard.application.feed;

import io.messageboard.domain.feed.FeedBounds;
import io.messageboard.domain.feed.MessageEvent;
import io.messageboard.domain.model.MessageId;
import io.messageboard.domain.port.out.MessageEventLog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A change log in a list, whose events a test appends: deletions of message 1 at consecutive
 * positions, recorded at the time given. Reads count, so that a test sees when the log is read.
 */
final class ListEventLog implements MessageEventLog {

  private final List<MessageEvent> events = new ArrayList<>();
  private long last;
  int reads;

  synchronized MessageEvent append(Instant recordedAt) {
    last++;
    MessageEvent event = MessageEvent.deleted(last, new MessageId(1), last, recordedAt);
    events.add(event);
    return event;
  }

  @Override
  public synchronized long sequence() {
    return last;
  }

  @Override
  public synchronized List<MessageEvent> after(long position, int limit) {
    reads++;
    return events.stream().filter(e -> e.position() > position).limit(limit).toList();
  }

  @Override
  public synchronized FeedBounds bounds() {
    return new FeedBounds(events.isEmpty() ? last + 1 : events.get(0).position(), last);
  }

  @Override
  public synchronized int purgeRecordedBefore(Instant cutoff, int limit) {
    int purged = 0;
    while (purged < limit && !events.isEmpty() && events.get(0).recordedAt().isBefore(cutoff)) {
      events.remove(0);
      purged++;
    }
    return purged;
  }
}

package io.messageboard.adapter.persistence.memory;

import io.messageboard.domain.feed.FeedBounds;
import io.messageboard.domain.feed.MessageEvent;
import io.messageboard.domain.feed.MessageEventKind;
import io.messageboard.domain.model.Message;
import io.messageboard.domain.model.MessageId;
import io.messageboard.domain.port.out.MessageEventLog;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The change feed's log held in memory, beside an {@link InMemoryMessageRepository} that records
 * each change while it holds its write lock: a change is done when it is recorded, so positions are
 * given at once, in the order the changes happened.
 */
public final class InMemoryMessageEventLog implements MessageEventLog {

  private final ConcurrentNavigableMap<Long, MessageEvent> events = new ConcurrentSkipListMap<>();
  private final Clock clock;
  private long last;

  /** An empty log whose events are timed by {@code clock}. */
  public InMemoryMessageEventLog(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  synchronized void record(MessageEventKind kind, Message message) {
    last++;
    events.put(last, MessageEvent.of(last, kind, message, clock.instant()));
  }

  synchronized void recordDeletion(MessageId id, long version) {
    last++;
    events.put(last, MessageEvent.deleted(last, id, version, clock.instant()));
  }

  @Override
  public synchronized long sequence() {
    return last;
  }

  @Override
  public synchronized List<MessageEvent> after(long position, int limit) {
    List<MessageEvent> page = new ArrayList<>(Math.min(limit, 1_000));
    Iterator<MessageEvent> tail = events.tailMap(position, false).values().iterator();
    while (page.size() < limit && tail.hasNext()) {
      page.add(tail.next());
    }
    return page;
  }

  @Override
  public synchronized FeedBounds bounds() {
    Map.Entry<Long, MessageEvent> first = events.firstEntry();
    return new FeedBounds(first == null ? last + 1 : first.getKey(), last);
  }

  @Override
  public synchronized int purgeRecordedBefore(Instant cutoff, int limit) {
    int purged = 0;
    for (Iterator<MessageEvent> oldest = events.values().iterator();
        purged < limit && oldest.hasNext(); ) {
      if (!oldest.next().recordedAt().isBefore(cutoff)) {
        break;
      }
      oldest.remove();
      purged++;
    }
    return purged;
  }
}

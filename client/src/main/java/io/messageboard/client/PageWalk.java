package io.messageboard.client;

import io.messageboard.domain.model.Message;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every message in id order, a page at a time: it reads the next page, following the service's
 * {@code next} link, only when the one before is used up.
 */
final class PageWalk implements Iterator<Message> {

  private final Function<String, MessagePages.Linked> fetch;
  private Iterator<Message> current;
  private Optional<String> next;

  PageWalk(String firstPage, Function<String, MessagePages.Linked> fetch) {
    this.fetch = fetch;
    MessagePages.Linked first = fetch.apply(firstPage);
    this.current = first.page().items().iterator();
    this.next = first.next();
  }

  @Override
  public boolean hasNext() {
    while (!current.hasNext() && next.isPresent()) {
      MessagePages.Linked page = fetch.apply(next.get());
      current = page.page().items().iterator();
      next = page.next();
    }
    return current.hasNext();
  }

  @Override
  public Message next() {
    if (!hasNext()) {
      throw new NoSuchElementException("no message after the last page");
    }
    return current.next();
  }
}

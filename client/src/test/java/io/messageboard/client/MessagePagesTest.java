package io.messageboard.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.messageboard.client.wire.MalformedResponseException;
import io.messageboard.domain.model.MessageId;
import io.messageboard.domain.model.PageRequest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A page's request path, and the page and next link a response body holds. */
class MessagePagesTest {

  private static final String MESSAGE =
      "{\"id\":%d,\"text\":\"t\",\"replica\":\"r\",\"createdAt\":\"2026-01-01T00:00:00Z\","
          + "\"updatedAt\":\"2026-01-01T00:00:00Z\",\"version\":1}";

  private static MessagePages.Linked read(String next, int... ids) {
    StringBuilder items = new StringBuilder();
    for (int id : ids) {
      items.append(items.length() == 0 ? "" : ",").append(MESSAGE.formatted(id));
    }
    String body = "{\"items\":[" + items + "],\"next\":" + next + "}";
    return MessagePages.read(body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aRequestAsksForItsLimitAfterItsId() {
    assertThat(MessagePages.pathOf(PageRequest.first(20))).isEqualTo("api/v1/messages?limit=20");
    assertThat(MessagePages.pathOf(new PageRequest(Optional.of(new MessageId(-4)), 3)))
        .isEqualTo("api/v1/messages?limit=3&after=-4");
  }

  @Test
  void theNextPageStartsAfterTheIdTheLinkNames() {
    MessagePages.Linked page = read("\"/api/v1/messages?limit=2&after=9\"", 5, 9);

    assertThat(page.page().nextAfter()).contains(new MessageId(9));
    assertThat(page.next()).contains("/api/v1/messages?limit=2&after=9");
  }

  @Test
  void aLinkWithoutAnIdStartsAfterThePagesLastMessage() {
    assertThat(read("\"/api/v1/messages?limit=2\"", 5, 7).page().nextAfter())
        .contains(new MessageId(7));
    assertThat(read("\"/api/v1/messages\"", 5, 8).page().nextAfter()).contains(new MessageId(8));
  }

  @Test
  void theLastPageHasNoNext() {
    MessagePages.Linked page = read("null", 5);

    assertThat(page.page().nextAfter()).isEmpty();
    assertThat(page.next()).isEmpty();
    assertThat(page.page().items()).extracting(m -> m.id().value()).containsExactly(5);
  }

  @Test
  void anEmptyPageWithANextLinkIsMalformed() {
    assertThatThrownBy(() -> read("\"/api/v1/messages?limit=2\""))
        .isInstanceOf(MalformedResponseException.class);
  }

  @Test
  void aPageWithoutItemsIsMalformed() {
    assertThatThrownBy(() -> MessagePages.read("{\"next\":null}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(MalformedResponseException.class);
  }
}

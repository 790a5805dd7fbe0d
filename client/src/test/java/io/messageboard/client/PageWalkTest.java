package io.messageboard.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.messageboard.client.testing.LiveBoard;
import io.messageboard.client.testing.ValidatingHttpClient;
import io.messageboard.domain.command.PostMessageCommand;
import io.messageboard.domain.model.Message;
import io.messageboard.domain.model.MessageText;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every message, page after page, by the service's next links. */
class PageWalkTest {

  private final LiveBoard live = LiveBoard.start();
  private final ValidatingHttpClient http = ValidatingHttpClient.overDefault();
  private final MessageboardClient client =
      MessageboardClient.to(live.baseUri()).httpClient(http).build();

  @AfterEach
  void stop() {
    live.close();
  }

  private List<Message> posted(int count) {
    return IntStream.range(0, count)
        .mapToObj(
            i ->
                live.board()
                    .post()
                    .post(new PostMessageCommand(Optional.empty(), new MessageText("m" + i))))
        .toList();
  }

  @Test
  void allMessagesWalksEveryPageInIdOrder() {
    List<Message> posted = posted(1001);

    List<Message> walked = new ArrayList<>();
    client.allMessages().forEach(walked::add);

    assertThat(walked).containsExactlyElementsOf(posted);
    assertThat(http.exchanges()).hasSize(3).allMatch(exchange -> exchange.endsWith(" 200"));
    assertThat(http.violations()).isEmpty();
  }

  @Test
  void aPageIsReadOnlyWhenTheWalkReachesIt() {
    posted(501);

    Message first = client.allMessages().iterator().next();

    assertThat(first.text()).isEqualTo("m0");
    assertThat(http.exchanges()).hasSize(1);
  }

  @Test
  void anEmptyBoardIsAnEmptyWalk() {
    assertThat(client.allMessages()).isEmpty();
  }
}

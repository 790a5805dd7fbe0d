package io.messageboard.client.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SseParserTest {

  @Test
  void readsAnEventWithTypeIdAndData() throws IOException {
    assertThat(events("id: 7\nevent: created\ndata: {\"id\":1}\n\n"))
        .containsExactly(new SseEvent("created", "{\"id\":1}", "7"));
  }

  @Test
  void endsLinesWithCrLfLfOrCrAlike() throws IOException {
    assertThat(events("data: a\r\n\r\ndata: b\n\ndata: c\r\rdata: d\r\n\n"))
        .extracting(SseEvent::data)
        .containsExactly("a", "b", "c", "d");
  }

  @Test
  void doesNotWaitForTheLineFeedAfterACarriageReturn() throws IOException {
    InputStream endsAfterCarriageReturn = new NoReadPastEnd("data: x\r\r");

    assertThat(new SseParser(endsAfterCarriageReturn).next()).map(SseEvent::data).contains("x");
  }

  @Test
  void joinsDataLinesWithLineFeeds() throws IOException {
    assertThat(events("data: first\ndata:second\ndata\ndata:  indented\n\n"))
        .extracting(SseEvent::data)
        .containsExactly("first\nsecond\n\n indented");
  }

  @Test
  void skipsComments() throws IOException {
    assertThat(events(": heartbeat\n\n:\ndata: x\n: more\n\n"))
        .containsExactly(new SseEvent("message", "x", ""));
  }

  @Test
  void ignoresALeadingByteOrderMarkOnly() throws IOException {
    assertThat(events("\uFEFFdata: a\n\n\uFEFFdata: b\n\n"))
        .extracting(SseEvent::data)
        .containsExactly("a");
  }

  @Test
  void keepsTheLastEventIdAcrossEventsAndIgnoresOneWithNul() throws IOException {
    assertThat(events("id: 1\ndata: a\n\ndata: b\n\nid: 2\u0000\ndata: c\n\nid\ndata: d\n\n"))
        .extracting(SseEvent::lastEventId)
        .containsExactly("1", "1", "1", "");
  }

  @Test
  void takesAnIdWithoutDataForTheNextEvent() throws IOException {
    assertThat(events("id: 5\n\ndata: a\n\n")).containsExactly(new SseEvent("message", "a", "5"));
  }

  @Test
  void dispatchesNothingForAnEventWithoutDataAndForgetsItsType() throws IOException {
    assertThat(events("event: reset\n\ndata: a\n\n"))
        .containsExactly(new SseEvent("message", "a", ""));
  }

  @Test
  void ignoresRetryAndUnknownFields() throws IOException {
    assertThat(events("retry: 10\nfoo: bar\nretry\ndata: a\n\n"))
        .containsExactly(new SseEvent("message", "a", ""));
  }

  @Test
  void readsAFieldWithoutColonAsAnEmptyValue() throws IOException {
    assertThat(events("event: x\nevent\ndata\n\n"))
        .containsExactly(new SseEvent("message", "", ""));
  }

  @Test
  void keepsOnlyTheFirstSpaceAfterTheColonOut() throws IOException {
    assertThat(events("data:  two spaces\nevent:edited\n\n"))
        .containsExactly(new SseEvent("edited", " two spaces", ""));
  }

  @Test
  void discardsAnEventCutOffByTheEndOfTheStream() throws IOException {
    assertThat(events("data: a\n\ndata: cut off\n"))
        .extracting(SseEvent::data)
        .containsExactly("a");
  }

  @Test
  void decodesUtf8AndReplacesMalformedBytes() throws IOException {
    byte[] bytes = {
      'd', 'a', 't', 'a', ':', ' ', (byte) 0xc3, (byte) 0xa9, (byte) 0xff, '\n', '\n'
    };

    assertThat(read(new ByteArrayInputStream(bytes)))
        .extracting(SseEvent::data)
        .containsExactly("é\uFFFD");
  }

  @Test
  void refusesALineLongerThanAnyFeedSends() {
    byte[] endless = new byte[SseParser.MAX_LINE_BYTES + 1];
    java.util.Arrays.fill(endless, (byte) 'a');

    assertThatThrownBy(() -> read(new ByteArrayInputStream(endless)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("longer than");
  }

  /** A stream that fails a read past its bytes, which on a live stream would block. */
  private static final class NoReadPastEnd extends ByteArrayInputStream {
    NoReadPastEnd(String bytes) {
      super(bytes.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public synchronized int read() {
      int b = super.read();
      if (b < 0) {
        throw new AssertionError("read past the event");
      }
      return b;
    }

    @Override
    public synchronized int read(byte[] into, int offset, int length) {
      int read = super.read(into, offset, length);
      if (read < 0) {
        throw new AssertionError("read past the event");
      }
      return read;
    }
  }

  private static List<SseEvent> events(String stream) throws IOException {
    return read(new ByteArrayInputStream(stream.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<SseEvent> read(InputStream in) throws IOException {
    SseParser parser = new SseParser(in);
    List<SseEvent> events = new ArrayList<>();
    for (Optional<SseEvent> event = parser.next(); event.isPresent(); event = parser.next()) {
      events.add(event.get());
    }
    return events;
  }
}

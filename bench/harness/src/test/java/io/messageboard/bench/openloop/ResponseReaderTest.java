package io.messageboard.bench.openloop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.messageboard.bench.openloop.ResponseReader.Response;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ResponseReaderTest {

  private static final String OK =
      "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 11\r\n\r\n{\"id\":\"1\"}\n";

  @Test
  void skipsABodyOfAGivenLengthAndLeavesTheStreamAtTheNextResponse() throws IOException {
    InputStream in = stream(OK + "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n");

    assertThat(ResponseReader.read(in)).isEqualTo(new Response(200, true));
    assertThat(ResponseReader.read(in)).isEqualTo(new Response(404, true));
    assertThat(in.read()).isEqualTo(-1);
  }

  @Test
  void skipsAChunkedBodyWithItsTrailers() throws IOException {
    InputStream in =
        stream(
            "HTTP/1.1 201 Created\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "4;ext=1\r\nabcd\r\nA\r\n0123456789\r\n0\r\nX-Trailer: t\r\n\r\n"
                + OK);

    assertThat(ResponseReader.read(in)).isEqualTo(new Response(201, true));
    assertThat(ResponseReader.read(in)).isEqualTo(new Response(200, true));
  }

  @Test
  void readsWhetherTheServerKeepsTheConnection() throws IOException {
    assertThat(
            ResponseReader.read(
                stream("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n")))
        .isEqualTo(new Response(200, false));
    assertThat(ResponseReader.read(stream("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n")))
        .isEqualTo(new Response(200, false));
    assertThat(
            ResponseReader.read(
                stream("HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 0\r\n\r\n")))
        .isEqualTo(new Response(200, true));
  }

  @Test
  void readsABodyWithoutLengthToTheEndOfTheConnection() throws IOException {
    InputStream in = stream("HTTP/1.1 500 Server Error\r\n\r\nsomething went wrong");

    assertThat(ResponseReader.read(in)).isEqualTo(new Response(500, false));
    assertThat(in.read()).isEqualTo(-1);
  }

  @Test
  void expectsNoBodyAfterNoContent() throws IOException {
    InputStream in = stream("HTTP/1.1 204 No Content\r\n\r\n" + OK);

    assertThat(ResponseReader.read(in)).isEqualTo(new Response(204, true));
    assertThat(ResponseReader.read(in).status()).isEqualTo(200);
  }

  @Test
  void failsWhenTheConnectionClosesInTheMiddle() {
    assertThatThrownBy(
            () -> ResponseReader.read(stream("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc")))
        .isInstanceOf(EOFException.class);
    assertThatThrownBy(() -> ResponseReader.read(stream("HTTP/1.1 200 OK\r\nContent-Le")))
        .isInstanceOf(EOFException.class);
  }

  @Test
  void refusesWhatIsNotHttp() {
    assertThatThrownBy(() -> ResponseReader.read(stream("SSH-2.0-OpenSSH_9.2\r\n")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("not an HTTP/1.x status line");
  }

  private static InputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1));
  }
}

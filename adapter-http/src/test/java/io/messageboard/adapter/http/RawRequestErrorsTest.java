package io.messageboard.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Requests no well-behaved client library sends (sent here over a plain socket) still get
 * problem+json, a request id and the replica name, whether Jetty refuses them before routing or the
 * API does.
 */
class RawRequestErrorsTest {

  private final StubbedApi api = new StubbedApi(StubbedApi.emptyStore());

  @AfterEach
  void stop() {
    api.close();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "bad percent-encoding in the path | GET /api/v1/messages/%zz HTTP/1.1 | | 400",
        "encoded NUL in the path | GET /data/1%00 HTTP/1.1 | | 400",
        "request line over the limit | GET /api/v1/messages?x=LONG HTTP/1.1 | | 414",
        "header over the limit | GET /api/v1/messages HTTP/1.1 | X-Big: LONG | 431",
        "two content lengths | POST /data HTTP/1.1 | Content-Length: 2 NEXT Content-Length: 3 | 400",
        "malformed escape in limit | GET /api/v1/messages?limit=%zz HTTP/1.1 | | 400",
        "lone percent in after | GET /api/v1/messages?after=% HTTP/1.1 | | 400",
        "trailing percent in after | GET /api/v1/messages?after=10% HTTP/1.1 | | 400",
        "truncated escape | GET /api/v1/messages?limit=1&after=%2 HTTP/1.1 | | 400",
        "backslash in a DELETE path | DELETE /api/v1/messages/\\%09 HTTP/1.1 | | 400",
        "backslash in a PUT path | PUT /data/\\ HTTP/1.1 | | 400",
        "NUL in a header of a DELETE | DELETE /api/v1/messages/1 HTTP/1.1 | Origin: a<NUL>b | 400",
        "CR in a header of a PUT | PUT /data/1 HTTP/1.1 | If-Match: a<CR>b | 400",
        "bad escape after a path parameter | GET /api/v1/messages/x;y%%09 HTTP/1.1 | | 400",
        "lone percent after a path parameter | DELETE /api/v1/messages/1;% HTTP/1.1 | | 400"
      })
  void answersWithAProblem(String name, String requestLine, String extraHeader, int status)
      throws IOException {
    String longValue = "a".repeat(20_000);
    StringBuilder request =
        new StringBuilder(requestLine.replace("LONG", longValue)).append("\r\nHost: localhost\r\n");
    if (extraHeader != null) {
      request
          .append(
              extraHeader
                  .replace("LONG", longValue)
                  .replace(" NEXT ", "\r\n")
                  .replace("<NUL>", "\0")
                  .replace("<CR>", "\r"))
          .append("\r\n");
    }
    request.append("Connection: close\r\n\r\n");

    String response = exchange(request.toString());

    assertThat(response).startsWith("HTTP/1.1 " + status);
    assertThat(response).containsIgnoringCase("Content-Type: application/problem+json");
    assertThat(response).containsIgnoringCase("X-Request-Id: ");
    assertThat(response).containsIgnoringCase("X-Served-By: stub-replica");
    assertThat(response).contains("\"status\":" + status).doesNotContain("<html");
  }

  @Test
  void aProblemEchoingANonAsciiHeaderIsUtf8Json() throws IOException {
    String response =
        exchange(
            "PUT /api/v1/messages/1 HTTP/1.1\r\nHost: localhost\r\nContent-Type: a\u00d5b\r\n"
                + "Content-Length: 2\r\nConnection: close\r\n\r\n{}");
    byte[] body =
        response.substring(response.indexOf("\r\n\r\n") + 4).getBytes(StandardCharsets.ISO_8859_1);

    assertThat(response).startsWith("HTTP/1.1 415");
    assertThat(new ObjectMapper().readTree(body).path("detail").asText()).endsWith("a\u00d5b");
  }

  private String exchange(String request) throws IOException {
    URI base = URI.create(api.baseUrl());
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }
}

package io.messageboard.bench.openloop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.messageboard.bench.plan.Scenario;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpSenderTest {

  private ServerSocket server;
  private final AtomicInteger connections = new AtomicInteger();
  private final List<String> requestLines = new CopyOnWriteArrayList<>();
  private volatile boolean closeAfterEach;

  /** Answers 200 to every request, keeping the connection unless told to close after each. */
  @BeforeEach
  void serve() throws IOException {
    server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
    Thread accepting =
        new Thread(
            () -> {
              while (!server.isClosed()) {
                try (Socket socket = server.accept()) {
                  connections.incrementAndGet();
                  answer(socket);
                } catch (IOException e) {
                  // The test is over.
                }
              }
            });
    accepting.setDaemon(true);
    accepting.start();
  }

  @AfterEach
  void stop() throws IOException {
    server.close();
  }

  @Test
  void sendsRequestsOneAfterAnotherOverOneConnection() throws IOException {
    try (HttpSender sender = sender(Scenario.GET_BY_ID)) {
      assertThat(sender.send(0)).isEqualTo(200);
      assertThat(sender.send(1)).isEqualTo(200);
      assertThat(sender.send(2)).isEqualTo(200);
    }

    assertThat(connections).hasValue(1);
    assertThat(requestLines).containsOnly("GET /api/v1/messages/1 HTTP/1.1").hasSize(3);
  }

  @Test
  void sendsTheBodyOfAPost() throws IOException {
    try (HttpSender sender = sender(Scenario.POST)) {
      assertThat(sender.send(0)).isEqualTo(200);
      assertThat(sender.send(1)).isEqualTo(200);
    }

    assertThat(requestLines)
        .containsExactly(
            "POST /api/v1/messages HTTP/1.1 {\"text\":\"bench run-1-1\"}",
            "POST /api/v1/messages HTTP/1.1 {\"text\":\"bench run-1-2\"}");
  }

  @Test
  void reconnectsWhenTheServerClosesTheConnectionAfterAResponse() throws IOException {
    closeAfterEach = true;
    try (HttpSender sender = sender(Scenario.GET_BY_ID)) {
      assertThat(sender.send(0)).isEqualTo(200);
      assertThat(sender.send(1)).isEqualTo(200);
      assertThat(sender.send(2)).isEqualTo(200);
    }

    assertThat(connections).hasValue(3);
  }

  @Test
  void failsWhenNothingListens() throws IOException {
    // A port bound but never listened on: no other process can take it meanwhile, as one could a
    // closed server's port.
    try (Socket bound = new Socket()) {
      bound.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));

      assertThatThrownBy(() -> sender(Scenario.GET_BY_ID, bound.getLocalPort()))
          .isInstanceOf(IOException.class);
    }
  }

  @Test
  void loadsThisMachineOnly() {
    assertThatThrownBy(
            () ->
                new HttpSender(
                    InetSocketAddress.createUnresolved("example.org", 80),
                    new ScenarioRequests(Scenario.GET_BY_ID, "example.org", 1, "", "run", 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("this machine only");
  }

  private HttpSender sender(Scenario scenario) throws IOException {
    return sender(scenario, server.getLocalPort());
  }

  private static HttpSender sender(Scenario scenario, int port) throws IOException {
    return new HttpSender(
        new InetSocketAddress("127.0.0.1", port),
        new ScenarioRequests(scenario, "127.0.0.1:" + port, 1, "", "run", 1));
  }

  private void answer(Socket socket) throws IOException {
    BufferedReader in =
        new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    OutputStream out = socket.getOutputStream();
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      int length = 0;
      for (String header = in.readLine(); !header.isEmpty(); header = in.readLine()) {
        if (header.startsWith("Content-Length: ")) {
          length = Integer.parseInt(header.substring("Content-Length: ".length()));
        }
      }
      char[] body = new char[length];
      int read = 0;
      while (read < length) {
        read += in.read(body, read, length - read);
      }
      requestLines.add(length == 0 ? line : line + " " + new String(body));
      String connection = closeAfterEach ? "Connection: close\r\n" : "";
      out.write(
          ("HTTP/1.1 200 OK\r\n" + connection + "Content-Length: 2\r\n\r\nok")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      if (closeAfterEach) {
        return;
      }
    }
  }
}

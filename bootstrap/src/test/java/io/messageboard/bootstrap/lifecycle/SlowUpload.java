package io.messageboard.bootstrap.lifecycle;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A request whose JSON body trickles in, one byte of padding whitespace at a time, until the test
 * lets it finish: the server is busy with the request (reading its body) for as long as the test
 * wants, like a client on a slow link. Keeps a request in flight without any test-only endpoint.
 */
final class SlowUpload implements AutoCloseable {

  private static final int PADDING = 2_000;
  private static final long BYTE_INTERVAL_MILLIS = 50;

  private final Socket socket;
  private final CountDownLatch finish = new CountDownLatch(1);
  private final CompletableFuture<String> response;

  private SlowUpload(Socket socket, byte[] body) {
    this.socket = socket;
    this.response = CompletableFuture.supplyAsync(() -> send(body));
  }

  /** Sends the headers and starts trickling {@code json} (padded with whitespace) to the server. */
  static SlowUpload begin(String method, int port, String path, String json) throws IOException {
    byte[] body = (" ".repeat(PADDING) + json).getBytes(StandardCharsets.UTF_8);
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
    socket.setSoTimeout(30_000);
    String head =
        method
            + " "
            + path
            + " HTTP/1.1\r\n"
            + "Host: 127.0.0.1:"
            + port
            + "\r\n"
            + "Content-Type: application/json\r\n"
            + "Content-Length: "
            + body.length
            + "\r\n"
            + "Connection: close\r\n\r\n";
    socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
    return new SlowUpload(socket, body);
  }

  /** Sends the rest of the body at once and returns the whole response as text. */
  String finish() throws Exception {
    finish.countDown();
    return response.get(30, TimeUnit.SECONDS);
  }

  /** True while the body is still being sent or the response has not arrived. */
  boolean inFlight() {
    return !response.isDone();
  }

  private String send(byte[] body) {
    try {
      OutputStream out = socket.getOutputStream();
      int sent = 0;
      while (sent < PADDING && !finish.await(BYTE_INTERVAL_MILLIS, TimeUnit.MILLISECONDS)) {
        out.write(body[sent++]);
        out.flush();
      }
      out.write(body, sent, body.length - sent);
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "failed: " + e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  @Override
  public void close() throws IOException {
    finish.countDown();
    socket.close();
  }
}

package io.messageboard.bootstrap.server;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A client on a raw loopback socket that sends part of a request, then stalls or trickles, and
 * measures how long the server lets it hang on.
 */
final class SlowClient implements AutoCloseable {

  private final Socket socket;

  private SlowClient(Socket socket) {
    this.socket = socket;
  }

  /** Connects and sends {@code start} (typically a request line and some headers, no end). */
  static SlowClient start(int port, String start) throws IOException {
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
    socket.setSoTimeout(30_000);
    socket.getOutputStream().write(start.getBytes(StandardCharsets.US_ASCII));
    socket.getOutputStream().flush();
    return new SlowClient(socket);
  }

  /**
   * Sends one byte of {@code trickle} every {@code interval} until the server answers or closes;
   * returns what the server sent (possibly nothing) and when, measured from the call.
   */
  Outcome trickleUntilCut(String trickle, Duration interval, Duration giveUpAfter)
      throws IOException {
    long started = System.nanoTime();
    socket.setSoTimeout((int) Math.max(1, interval.toMillis()));
    InputStream in = socket.getInputStream();
    StringBuilder received = new StringBuilder();
    int sent = 0;
    while (System.nanoTime() - started < giveUpAfter.toNanos()) {
      try {
        int b = in.read();
        if (b < 0) {
          return new Outcome(received.toString(), elapsed(started));
        }
        received.append((char) b);
        socket.setSoTimeout(200);
      } catch (SocketTimeoutException quiet) {
        if (received.length() > 0) {
          return new Outcome(received.toString(), elapsed(started));
        }
        if (!trickle.isEmpty()) {
          try {
            socket.getOutputStream().write(trickle.charAt(sent++ % trickle.length()));
            socket.getOutputStream().flush();
          } catch (IOException closed) {
            return new Outcome(received.toString(), elapsed(started));
          }
        }
      } catch (IOException reset) {
        return new Outcome(received.toString(), elapsed(started));
      }
    }
    return new Outcome(received.toString(), null);
  }

  private static Duration elapsed(long started) {
    return Duration.ofNanos(System.nanoTime() - started);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  /** What the server sent before it cut the client off, and after how long (null: never). */
  record Outcome(String response, @Nullable Duration cutAfter) {
    boolean wasCut() {
      return cutAfter != null;
    }
  }
}

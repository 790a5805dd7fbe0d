package io.messageboard.client.feed;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy in front of a server that can cut every connection and turn new ones away, as a
 * replica that goes away and comes back does to a client.
 */
final class CuttingProxy implements AutoCloseable {

  private final ServerSocket listener;
  private final URI target;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private volatile boolean refusing;

  CuttingProxy(URI target) throws IOException {
    this.target = target;
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    daemon(this::accept, "cutting-proxy");
  }

  /** The proxy's address with {@code path}. */
  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + listener.getLocalPort() + path);
  }

  /** Cuts every open connection, and closes new ones at once until {@link #admit()}. */
  void cutAndRefuse() {
    refusing = true;
    open.forEach(CuttingProxy::closeQuietly);
    open.clear();
  }

  void admit() {
    refusing = false;
  }

  @Override
  public void close() {
    closeQuietly(listener);
    cutAndRefuse();
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        if (refusing) {
          closeQuietly(client);
          continue;
        }
        Socket server = new Socket(target.getHost(), target.getPort());
        open.add(client);
        open.add(server);
        daemon(() -> copy(client, server), "cutting-proxy-up");
        daemon(() -> copy(server, client), "cutting-proxy-down");
      } catch (IOException closed) {
        // The listener closed, or the server refused: the client sees the connection fail.
      }
    }
  }

  private static void copy(Socket from, Socket to) {
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      byte[] buffer = new byte[8192];
      for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
        out.write(buffer, 0, read);
        out.flush();
      }
    } catch (IOException cut) {
      // Either side went away: the other goes too.
    } finally {
      closeQuietly(from);
      closeQuietly(to);
    }
  }

  private static void daemon(Runnable task, String name) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    thread.start();
  }

  private static void closeQuietly(java.io.Closeable closeable) {
    try {
      closeable.close();
    } catch (IOException ignored) {
      // Closing is all that is wanted.
    }
  }
}

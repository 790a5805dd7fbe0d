package io.messageboard.bench.openloop;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * A keep-alive HTTP/1.1 connection to a port on this machine, sending what its {@link
 * ScenarioRequests} make. Plain blocking sockets, one request in flight, as wrk does per
 * connection: a thread per connection costs a wake-up per response, where java.net.http passes each
 * exchange between its selector thread and its executor, on the cores the server needs.
 */
public final class HttpSender implements Sender {

  /** As wrk's --timeout in bench/run: a response slower than this is an error. */
  static final int TIMEOUT_MILLIS = 10_000;

  private final InetSocketAddress address;
  private final ScenarioRequests requests;
  private Socket socket;
  private InputStream in;
  private OutputStream out;

  /** Connects at once, so connecting is not part of the first request's latency. */
  public HttpSender(InetSocketAddress address, ScenarioRequests requests) throws IOException {
    if (address.isUnresolved() || !address.getAddress().isLoopbackAddress()) {
      throw new IllegalArgumentException("the open loop loads this machine only, not " + address);
    }
    this.address = address;
    this.requests = requests;
    connect();
  }

  @Override
  public int send(long index) throws IOException {
    try {
      if (socket == null) {
        connect();
      }
      out.write(requests.next());
      out.flush();
      ResponseReader.Response response = ResponseReader.read(in);
      if (!response.keepAlive()) {
        close();
      }
      return response.status();
    } catch (IOException e) {
      close();
      throw e;
    }
  }

  private void connect() throws IOException {
    Socket connecting = new Socket();
    try {
      connecting.setTcpNoDelay(true);
      connecting.setSoTimeout(TIMEOUT_MILLIS);
      connecting.connect(address, TIMEOUT_MILLIS);
      in = new BufferedInputStream(connecting.getInputStream());
      out = connecting.getOutputStream();
      socket = connecting;
    } catch (IOException e) {
      connecting.close();
      throw e;
    }
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException e) {
        // Closing a connection the load no longer needs; nothing to do about it.
      }
      socket = null;
    }
  }
}

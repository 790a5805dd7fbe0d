package io.messageboard.client.feed;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A response body read as an input stream whose reads give up when no byte came for the heartbeat
 * timeout: java.net.http has no read timeout, and a stream that went silent (a half-open
 * connection) must be noticed. It asks the client for one chunk at a time, so a reader that stops
 * reading stops the connection too.
 */
final class EventStreamBody extends InputStream
    implements HttpResponse.BodySubscriber<InputStream> {

  /** What the client hands over: bytes, the end, or a failure. */
  private sealed interface Signal permits Chunk, End, Failed {}

  private record Chunk(List<ByteBuffer> buffers) implements Signal {}

  private record End() implements Signal {}

  private record Failed(Throwable failure) implements Signal {}

  private final Duration silence;
  private final BlockingQueue<Signal> signals = new LinkedBlockingQueue<>();
  private volatile Flow.@Nullable Subscription subscription;
  private volatile boolean closed;
  private Iterator<ByteBuffer> pending = List.<ByteBuffer>of().iterator();
  private @Nullable ByteBuffer current;
  private @Nullable Signal last;

  EventStreamBody(Duration silence) {
    this.silence = silence;
  }

  @Override
  public CompletionStage<InputStream> getBody() {
    return CompletableFuture.completedStage(this);
  }

  @Override
  public void onSubscribe(Flow.Subscription given) {
    subscription = given;
    if (closed) {
      given.cancel();
    } else {
      given.request(1);
    }
  }

  @Override
  public void onNext(List<ByteBuffer> item) {
    signals.add(new Chunk(item));
  }

  @Override
  public void onError(Throwable failure) {
    signals.add(new Failed(failure));
  }

  @Override
  public void onComplete() {
    signals.add(new End());
  }

  @Override
  public int read() throws IOException {
    ByteBuffer buffer = filled();
    return buffer == null ? -1 : buffer.get() & 0xff;
  }

  @Override
  public int read(byte[] into, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    ByteBuffer buffer = filled();
    if (buffer == null) {
      return -1;
    }
    int count = Math.min(length, buffer.remaining());
    buffer.get(into, offset, count);
    return count;
  }

  /** Stops the body: the client closes the connection, and a waiting read ends. */
  @Override
  public void close() {
    closed = true;
    Flow.Subscription given = subscription;
    if (given != null) {
      given.cancel();
    }
    signals.add(new End());
  }

  /** A buffer with bytes left, or null at the end of the body. */
  private @Nullable ByteBuffer filled() throws IOException {
    while (current == null || !current.hasRemaining()) {
      if (pending.hasNext()) {
        current = pending.next();
        continue;
      }
      Signal signal = nextSignal();
      if (signal instanceof Chunk chunk) {
        pending = chunk.buffers().iterator();
        Flow.Subscription given = subscription;
        if (given != null) {
          given.request(1);
        }
      } else if (signal instanceof Failed failed) {
        throw failed.failure() instanceof IOException io ? io : new IOException(failed.failure());
      } else {
        return null;
      }
    }
    return current;
  }

  private Signal nextSignal() throws IOException {
    Signal ended = last;
    if (ended != null) {
      return ended;
    }
    Signal signal;
    try {
      signal = signals.poll(silence.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("stopped while reading the event stream");
    }
    if (signal == null) {
      throw new SilentStreamException(silence);
    }
    if (!(signal instanceof Chunk)) {
      last = signal;
    }
    return signal;
  }

  /** The stream sent nothing, not even a heartbeat, for the heartbeat timeout. */
  static final class SilentStreamException extends IOException {
    private static final long serialVersionUID = 1L;

    SilentStreamException(Duration silence) {
      super("the event stream sent nothing for " + silence);
    }
  }
}

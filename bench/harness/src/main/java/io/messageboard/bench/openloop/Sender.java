package io.messageboard.bench.openloop;

import java.io.IOException;

/** One connection of the open loop: sends a request and waits for the status of its response. */
public interface Sender extends AutoCloseable {

  /** Sends request INDEX of the schedule; returns the response's status code. */
  int send(long index) throws IOException;

  @Override
  void close();
}

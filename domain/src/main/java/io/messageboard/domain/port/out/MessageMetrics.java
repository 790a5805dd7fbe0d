package io.messageboard.domain.port.out;

import io.messageboard.domain.failure.FailureKind;

/** Driven port: counts what happens to messages, for operators. */
public interface MessageMetrics {

  void messageCreated();

  void messageEdited();

  void messageDeleted();

  void failed(FailureKind kind);
}

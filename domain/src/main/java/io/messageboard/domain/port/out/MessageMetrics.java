package io.messageboard.domain.port.out;

import io.messageboard.domain.failure.FailureKind;

/** Driven port: counts what happens to messages, for operators. */
public interface MessageMetrics {

  void messageCreated();

  void messageEdited();

  void messageDeleted();

  void failed(FailureKind kind);

  /** Counts nothing; for library users who do not export metrics. */
  MessageMetrics NONE =
      new MessageMetrics() {
        @Override
        public void messageCreated() {}

        @Override
        public void messageEdited() {}

        @Override
        public void messageDeleted() {}

        @Override
        public void failed(FailureKind kind) {}
      };
}

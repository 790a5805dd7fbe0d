package io.messageboard.application;

import io.messageboard.domain.failure.DomainException;
import io.messageboard.domain.port.out.MessageMetrics;
import java.util.function.Supplier;

/** Runs a use case step and counts the domain failure it ends with, if any. */
final class MeteredOutcome {

  private MeteredOutcome() {}

  static <T> T counting(MessageMetrics metrics, Supplier<T> step) {
    try {
      return step.get();
    } catch (DomainException failure) {
      metrics.failed(failure.kind());
      throw failure;
    }
  }
}

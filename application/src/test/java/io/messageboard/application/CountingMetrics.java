package io.messageboard.application;

import io.messageboard.domain.failure.FailureKind;
import io.messageboard.domain.port.out.MessageMetrics;
import java.util.ArrayList;
import java.util.List;

/** Fake metrics that remember what they were told. */
final class CountingMetrics implements MessageMetrics {

  int created;
  int edited;
  int deleted;
  final List<FailureKind> failures = new ArrayList<>();

  @Override
  public void messageCreated() {
    created++;
  }

  @Override
  public void messageEdited() {
    edited++;
  }

  @Override
  public void messageDeleted() {
    deleted++;
  }

  @Override
  public void failed(FailureKind kind) {
    failures.add(kind);
  }
}

package io.messageboard.adapter.http;

import io.javalin.Javalin;
import io.messageboard.adapter.http.contract.ApiClient;
import io.messageboard.domain.failure.FailureKind;
import io.messageboard.domain.failure.MessageNotFoundException;
import io.messageboard.domain.model.Message;
import io.messageboard.domain.model.MessagePage;
import io.messageboard.domain.model.ReplicaId;
import io.messageboard.domain.port.out.MessageMetrics;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** The HTTP API on a real server over use cases stubbed with lambdas, recording what it reports. */
final class StubbedApi implements AutoCloseable {

  static final ReplicaId REPLICA = new ReplicaId("stub-replica");

  final List<CompletedRequest> completed = new CopyOnWriteArrayList<>();
  final List<FailureKind> failures = new CopyOnWriteArrayList<>();
  private final Javalin app;
  private final ApiClient client;

  StubbedApi(MessageUseCases useCases) {
    app =
        HttpApi.create(useCases, REPLICA, new RecordingMetrics(), completed::add, config -> {})
            .start("127.0.0.1", 0);
    client = new ApiClient(baseUrl());
  }

  /** Use cases over an empty store: nothing is ever found, posting and listing work. */
  static MessageUseCases emptyStore() {
    return new MessageUseCases(
        command -> {
          throw new UnsupportedOperationException("posting is not stubbed");
        },
        id -> {
          throw new MessageNotFoundException(id);
        },
        request -> new MessagePage(List.<Message>of(), Optional.empty()),
        sink -> {},
        command -> {
          throw new MessageNotFoundException(command.id());
        },
        command -> {
          throw new MessageNotFoundException(command.id());
        });
  }

  String baseUrl() {
    return "http://127.0.0.1:" + app.port();
  }

  ApiClient client() {
    return client;
  }

  @Override
  public void close() {
    app.stop();
  }

  private final class RecordingMetrics implements MessageMetrics {
    @Override
    public void messageCreated() {}

    @Override
    public void messageEdited() {}

    @Override
    public void messageDeleted() {}

    @Override
    public void failed(FailureKind kind) {
      failures.add(kind);
    }
  }
}

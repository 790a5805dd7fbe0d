package io.messageboard.adapter.http;

import io.javalin.Javalin;
import io.messageboard.adapter.http.auth.BearerTokens;
import io.messageboard.adapter.http.contract.ApiClient;
import io.messageboard.domain.model.ReplicaId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The HTTP API on a real server over use cases stubbed with lambdas, recording what it reports. */
final class StubbedApi implements AutoCloseable {

  static final ReplicaId REPLICA = new ReplicaId("stub-replica");

  final List<CompletedRequest> completed = new CopyOnWriteArrayList<>();
  private final Javalin app;
  private final ApiClient client;

  StubbedApi(UseCaseStubs useCases) {
    this(useCases, BearerTokens.none());
  }

  StubbedApi(UseCaseStubs useCases, BearerTokens writeTokens) {
    app =
        HttpApi.create(
                useCases.v1Routes(),
                useCases.eventsRoute(),
                useCases.legacyRoutes(REPLICA),
                REPLICA,
                writeTokens,
                completed::add,
                config -> {})
            .start("127.0.0.1", 0);
    client = new ApiClient(baseUrl());
  }

  static UseCaseStubs emptyStore() {
    return UseCaseStubs.emptyStore();
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
}

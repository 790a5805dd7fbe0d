package io.messageboard.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.messageboard.adapter.http.auth.BearerTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class ServerSettingsTest {

  @Test
  void theCallersSettingsAreAppliedToTheServer() throws Exception {
    UseCaseStubs stubs = UseCaseStubs.emptyStore();
    Javalin app =
        HttpApi.create(
                stubs.v1Routes(),
                stubs.eventsRoute(),
                stubs.legacyRoutes(StubbedApi.REPLICA),
                StubbedApi.REPLICA,
                BearerTokens.none(),
                request -> {},
                config -> config.routes.get("/tuned", ctx -> ctx.result("yes")))
            .start("127.0.0.1", 0);
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/tuned"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo("yes");
    } finally {
      app.stop();
    }
  }
}

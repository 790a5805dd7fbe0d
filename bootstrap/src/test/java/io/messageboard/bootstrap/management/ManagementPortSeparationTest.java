package io.messageboard.bootstrap.management;

import static org.assertj.core.api.Assertions.assertThat;

import io.messageboard.bootstrap.Application;
import io.messageboard.bootstrap.config.TestSettings;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ManagementPortSeparationTest {

  private final Application application = new Application(TestSettings.inMemory()).start();

  @AfterEach
  void stop() {
    application.stop();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/metrics", "/health/live", "/health/ready"})
  void apiPortDoesNotServeOperatorEndpoints(String path) {
    HttpResponse<String> response = LoopbackHttp.get(application.httpPort(), path);

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).doesNotContain("jvm_").doesNotContain("\"UP\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/metrics", "/health/live", "/health/ready"})
  void managementPortServesOperatorEndpoints(String path) {
    assertThat(LoopbackHttp.get(application.managementPort(), path).statusCode()).isEqualTo(200);
  }

  @Test
  void listensOnTwoDifferentPorts() {
    assertThat(application.managementPort()).isPositive().isNotEqualTo(application.httpPort());
  }
}

package io.messageboard.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.messageboard.adapter.http.contract.ApiResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ApiDocsTest {

  private final StubbedApi api = new StubbedApi(StubbedApi.emptyStore());

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void servesTheOpenApi31Contract() throws Exception {
    ApiResponse response = api.client().get("/api/v1/openapi.yaml");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("Content-Type")).get().asString().startsWith("application/yaml");
    JsonNode contract = new ObjectMapper(new YAMLFactory()).readTree(response.body());
    assertThat(contract.path("openapi").asText()).isEqualTo("3.1.0");
    assertThat(contract.path("paths").has("/api/v1/messages/{id}")).isTrue();
    assertThat(contract.path("paths").has("/data/{id}")).isTrue();
  }

  @Test
  void servesADocsPageWhoseScriptsAndStylesAllComeFromThisServer() {
    ApiResponse page = api.client().get("/api/docs");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.text()).contains("/api/v1/openapi.yaml").doesNotContain("http://", "https://");
    Matcher assets = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(page.text());
    int served = 0;
    while (assets.find()) {
      ApiResponse asset = api.client().get(assets.group(1));
      assertThat(asset.status()).as(assets.group(1)).isEqualTo(200);
      assertThat(asset.body().length).as(assets.group(1)).isGreaterThan(100);
      served++;
    }
    assertThat(served).isGreaterThanOrEqualTo(3);
  }

  @Test
  void servesOnlyTheKnownDocsAssets() {
    assertThat(api.client().get("/api/docs/oauth2-redirect.html").status()).isEqualTo(404);
    assertThat(api.client().get("/api/docs/..%2F..%2Fopenapi.yaml").status()).isEqualTo(404);
  }
}

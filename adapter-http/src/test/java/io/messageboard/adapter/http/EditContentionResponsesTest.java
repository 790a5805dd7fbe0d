package io.messageboard.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.messageboard.adapter.http.contract.ApiResponse;
import io.messageboard.domain.failure.EditContentionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An edit without If-Match that keeps losing races to other edits is contention: 409 with
 * Retry-After, never a 412 naming a version the client did not send.
 */
class EditContentionResponsesTest {

  private final StubbedApi api =
      new StubbedApi(
          UseCaseStubs.emptyStore()
              .withEdit(
                  command -> {
                    throw new EditContentionException(command.id().value(), 5);
                  }));

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void answersAnUnconditionalV1EditThatKeepsLosingWith409AndRetryAfter() {
    ApiResponse response = api.client().put("/api/v1/messages/1", "{\"text\": \"mine\"}");

    assertThat(response.status()).isEqualTo(409);
    assertThat(response.header("Retry-After")).hasValue("1");
    assertThat(response.json().path("type").asText())
        .isEqualTo("urn:messageboard:problem:edit-contention");
    assertThat(response.json().path("detail").asText()).doesNotContain("If-Match");
  }

  @Test
  void answersALegacyEditThatKeepsLosingWith409AndRetryAfter() {
    ApiResponse response = api.client().put("/data/1", "{\"mess\": \"mine\"}");

    assertThat(response.status()).isEqualTo(409);
    assertThat(response.header("Retry-After")).hasValue("1");
    assertThat(response.json().path("message").asText()).contains("try again");
  }
}

package io.messageboard.adapter.http.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.messageboard.adapter.http.request.RequestRejectedException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonBodyTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "application/json",
        "Application/JSON",
        " application/json ; charset=UTF-8",
        "application/json; charset=\"utf-8\"",
        "application/json;boundary=x"
      })
  void acceptsJsonInUtf8(String contentType) {
    assertThatCode(() -> JsonBody.requireJsonMediaType(contentType)).doesNotThrowAnyException();
  }

  @Test
  void aMissingContentTypeIsAnUnsupportedMediaType() {
    assertThatThrownBy(() -> JsonBody.requireJsonMediaType(null))
        .isInstanceOfSatisfying(
            RequestRejectedException.class,
            rejected -> {
              assertThat(rejected.reason()).isEqualTo(Reason.UNSUPPORTED_MEDIA_TYPE);
              assertThat(rejected).hasMessage("A JSON body needs Content-Type: application/json");
              assertThat(rejected.errors())
                  .extracting(FieldError::field)
                  .containsExactly("Content-Type");
            });
  }

  @Test
  void refusesAnotherMediaTypeAndNamesIt() {
    assertThatThrownBy(() -> JsonBody.requireJsonMediaType("text/plain; charset=utf-8"))
        .isInstanceOfSatisfying(
            RequestRejectedException.class,
            rejected -> {
              assertThat(rejected.reason()).isEqualTo(Reason.UNSUPPORTED_MEDIA_TYPE);
              assertThat(rejected)
                  .hasMessage("Content-Type must be application/json, not text/plain");
            });
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "application/json; charset=latin1|latin1",
        "application/json; boundary=x; charset=UTF-16|utf-16",
        "application/json;charset=\"utf-32\"|utf-32"
      })
  void refusesEveryCharsetButUtf8AndNamesIt(String contentType, String charset) {
    assertThatThrownBy(() -> JsonBody.requireJsonMediaType(contentType))
        .isInstanceOfSatisfying(
            RequestRejectedException.class,
            rejected -> {
              assertThat(rejected.reason()).isEqualTo(Reason.UNSUPPORTED_MEDIA_TYPE);
              assertThat(rejected).hasMessage("JSON bodies must be UTF-8, not " + charset);
            });
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  ", "identity", " IDENTITY "})
  void acceptsAnUnencodedBody(String contentEncoding) {
    assertThatCode(() -> JsonBody.requireIdentityEncoding(null)).doesNotThrowAnyException();
    assertThatCode(() -> JsonBody.requireIdentityEncoding(contentEncoding))
        .doesNotThrowAnyException();
  }

  @Test
  void refusesACompressedBodyAndNamesTheEncoding() {
    assertThatThrownBy(() -> JsonBody.requireIdentityEncoding(" gzip "))
        .isInstanceOfSatisfying(
            RequestRejectedException.class,
            rejected -> {
              assertThat(rejected.reason()).isEqualTo(Reason.UNSUPPORTED_MEDIA_TYPE);
              assertThat(rejected)
                  .hasMessage("Content-Encoding gzip is not accepted; send the body uncompressed");
              assertThat(rejected.errors())
                  .extracting(FieldError::field)
                  .containsExactly("Content-Encoding");
            });
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "[1]|an array",
        "\"x\"|a string",
        "1.5|a number",
        "true|a boolean",
        "null|null",
        "{}|an object"
      })
  void describesEachKindOfJsonValueForTheClient(String json, String description) throws Exception {
    JsonNode node = new ObjectMapper().readTree(json);

    assertThat(JsonBody.describe(node)).isEqualTo(description);
  }

  @Test
  void describesOtherNodesByTheirType() {
    assertThat(JsonBody.describe(JsonNodeFactory.instance.binaryNode(new byte[] {1})))
        .isEqualTo("a binary");
  }
}

package io.messageboard.deploy.e2e;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Writes a Java string as a JSON string literal. */
final class JsonText {

  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonText() {}

  static String quote(String text) {
    try {
      return JSON.writeValueAsString(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}

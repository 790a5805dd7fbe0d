package io.messageboard.adapter.http.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BearerTokensTest {

  private static final String CURRENT = "current-token-0123456789";
  private static final String NEXT = "next-token-abcdefghijklm";

  @Test
  void acceptsEveryConfiguredTokenSoOneCanBeRotated() {
    BearerTokens tokens = BearerTokens.of(List.of(CURRENT, NEXT));

    assertThat(tokens.accepts(CURRENT)).isTrue();
    assertThat(tokens.accepts(NEXT)).isTrue();
    assertThat(tokens.required()).isTrue();
    assertThat(tokens.count()).isEqualTo(2);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "current-token-012345678",
        "current-token-01234567890",
        "CURRENT-TOKEN-0123456789",
        " current-token-0123456789"
      })
  void refusesAnythingButAWholeToken(String presented) {
    assertThat(BearerTokens.of(List.of(CURRENT)).accepts(presented)).isFalse();
  }

  @Test
  void noneRequiresNothingAndAcceptsNothing() {
    assertThat(BearerTokens.none().required()).isFalse();
    assertThat(BearerTokens.none().accepts("")).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"short-secret", "has a space in it 12345", "quote\"in-the-token-123"})
  void refusesMalformedOrShortTokensWithoutEchoingThem(String bad) {
    assertThatThrownBy(() -> BearerTokens.of(List.of(CURRENT, bad)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("token 2 of 2")
        .hasMessageNotContaining(bad);
  }

  @Test
  void refusesAnEmptyList() {
    assertThatThrownBy(() -> BearerTokens.of(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void neverShowsATokenWhenPrinted() {
    assertThat(BearerTokens.of(List.of(CURRENT)).toString())
        .doesNotContain(CURRENT)
        .contains("1 token");
  }
}

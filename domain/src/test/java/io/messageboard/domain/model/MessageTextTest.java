package io.messageboard.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.messageboard.domain.failure.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MessageTextTest {

  @Test
  void acceptsTenThousandCodePointsEvenWhenTheyAreTwentyThousandUtf16Units() {
    MessageText text = new MessageText("😀".repeat(10_000));

    assertThat(text.codePointLength()).isEqualTo(10_000);
    assertThat(text.value()).hasSize(20_000);
  }

  @Test
  void rejectsTextLongerThanTenThousandCodePoints() {
    assertThatThrownBy(() -> new MessageText("x".repeat(10_001)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("at most 10000 code points");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\t\n\r ", "\u2003"})
  void rejectsEmptyAndBlankText(String text) {
    assertThatThrownBy(() -> new MessageText(text)).isInstanceOf(InvalidInputException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"a\u0000", "a\u0001", "\u0007", "a\u001b[31m", "\u001f"})
  void rejectsControlCharactersOtherThanTabAndLineBreaks(String text) {
    assertThatThrownBy(() -> new MessageText(text))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("control character");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a\ud800", "\udc00a", "\ude00\ud83d"})
  void rejectsUnpairedSurrogates(String text) {
    assertThatThrownBy(() -> new MessageText(text))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("unpaired surrogate");
  }

  @Test
  void keepsTabsLineBreaksAndEverythingElseExactly() {
    String text = "  line one\r\n\tline two ' \" \\ 😀 שלום  ";

    assertThat(new MessageText(text).value()).isEqualTo(text);
  }

  // Null on purpose: callers without nullness checks get a domain failure, not a
  // NullPointerException.
  @SuppressWarnings("NullAway")
  @Test
  void rejectsNull() {
    assertThatThrownBy(() -> new MessageText(null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("required");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\udfff", "a\udbff", "\udfffb"})
  void rejectsUnpairedSurrogatesAtBothEndsOfTheSurrogateRange(String text) {
    assertThatThrownBy(() -> new MessageText(text))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("unpaired surrogate");
  }

  @Test
  void acceptsTheCharactersJustOutsideTheSurrogateRange() {
    assertThat(new MessageText("\ud7ff\ue000").codePointLength()).isEqualTo(2);
  }

  @Test
  void namesTheIndexOfTheFirstForbiddenCharacter() {
    assertThatThrownBy(() -> new MessageText("ab\u0002"))
        .hasMessage("text: contains control character U+0002 at index 2");
    assertThatThrownBy(() -> new MessageText("😀\ud800"))
        .hasMessage("text: contains an unpaired surrogate at index 2");
  }

  @Test
  void printsAsTheTextItself() {
    assertThat(new MessageText("hello there")).hasToString("hello there");
  }
}

package io.messageboard.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.messageboard.domain.failure.InvalidInputException;
import io.messageboard.domain.property.Generate;
import io.messageboard.domain.property.PropertyCheck;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Generated input for every value object: each is either accepted exactly as given or refused with
 * an {@link InvalidInputException} naming its field, never any other exception, and the decision
 * agrees with the rule written out independently here.
 */
class ValueObjectPropertiesTest {

  private static final Pattern DECIMAL_ID = Pattern.compile("-?[0-9]{1,10}");
  private static final Pattern FORBIDDEN_CONTROL =
      Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]");

  @Test
  void messageTextKeepsEveryAcceptedTextAndRefusesOnlyWhatBreaksItsRule() {
    PropertyCheck.forAll("MessageText", 4_000, random -> textCandidate(random))
        .check(
            text -> {
              Throwable refused = catchThrowable(() -> new MessageText(text));
              assertThat(refused == null).as("accepted").isEqualTo(isValidText(text));
              if (refused == null) {
                assertThat(new MessageText(text).value()).isEqualTo(text);
              } else {
                assertRefusedFor("text", refused);
              }
            });
  }

  @Test
  void messageIdParsesExactlyTheDecimalNumbersOfTheStoredRange() {
    PropertyCheck.forAll("MessageId.parse", 3_000, Generate::numberish)
        .check(
            text -> {
              Throwable refused = catchThrowable(() -> MessageId.parse(text));
              Optional<Long> expected = storedIdValue(text);
              assertThat(refused == null).as("accepted").isEqualTo(expected.isPresent());
              if (refused == null) {
                MessageId id = MessageId.parse(text);
                assertThat((long) id.value()).isEqualTo(expected.get());
                assertThat(MessageId.parse(id.toString())).isEqualTo(id);
              } else {
                assertRefusedFor("id", refused);
              }
            });
  }

  @Test
  void newMessageIdsAreExactlyOneToTheLargestInt() {
    PropertyCheck.forAll("MessageId.forNewMessage", 1_000, Generate::edgeLong)
        .check(
            value -> {
              Throwable refused = catchThrowable(() -> MessageId.forNewMessage(value));
              assertThat(refused == null).isEqualTo(value >= 1 && value <= Integer.MAX_VALUE);
              if (refused != null) {
                assertRefusedFor("id", refused);
              }
            });
  }

  @Test
  void pageRequestsTakeLimitsFromOneToFiveHundred() {
    PropertyCheck.forAll("PageRequest", 1_000, random -> (int) Generate.edgeLong(random))
        .check(
            limit -> {
              Throwable refused = catchThrowable(() -> PageRequest.first(limit));
              assertThat(refused == null).isEqualTo(limit >= 1 && limit <= 500);
              if (refused != null) {
                assertRefusedFor("limit", refused);
              }
            });
  }

  @Test
  void replicaIdsAreOneToSixtyFourSafeCharacters() {
    PropertyCheck.forAll("ReplicaId", 1_000, random -> Generate.string(random, 70))
        .check(
            name -> {
              Throwable refused = catchThrowable(() -> new ReplicaId(name));
              assertThat(refused == null).isEqualTo(isSafeReplicaName(name));
              if (refused != null) {
                assertRefusedFor("replica", refused);
              }
            });
  }

  @ParameterizedTest
  @ValueSource(strings = {"\u0663", "\uff11", "1\u0000", "+1", "1 ", "-0", "-", "00000000001"})
  void idsWithLookAlikeDigitsOrPaddingAreParsedOnlyWhenPlainDecimal(String text) {
    if (storedIdValue(text).isPresent()) {
      assertThat((long) MessageId.parse(text).value()).isEqualTo(storedIdValue(text).get());
    } else {
      assertThatThrownBy(() -> MessageId.parse(text)).isInstanceOf(InvalidInputException.class);
    }
  }

  private static String textCandidate(java.util.SplittableRandom random) {
    return switch (random.nextInt(4)) {
      case 0 -> Generate.printable(random, MessageText.MAX_CODE_POINTS - 1 + random.nextInt(3));
      case 1 -> Generate.printable(random, 1 + random.nextInt(60));
      default -> Generate.string(random, 80);
    };
  }

  private static boolean isValidText(String text) {
    return !text.isEmpty()
        && !text.isBlank()
        && StandardCharsets.UTF_8.newEncoder().canEncode(text)
        && !FORBIDDEN_CONTROL.matcher(text).find()
        && text.codePoints().count() <= MessageText.MAX_CODE_POINTS;
  }

  private static Optional<Long> storedIdValue(String text) {
    if (!DECIMAL_ID.matcher(text).matches()) {
      return Optional.empty();
    }
    BigInteger value = new BigInteger(text);
    boolean inRange =
        value.compareTo(BigInteger.valueOf(Integer.MIN_VALUE)) >= 0
            && value.compareTo(BigInteger.valueOf(Integer.MAX_VALUE)) <= 0;
    return inRange ? Optional.of(value.longValueExact()) : Optional.empty();
  }

  private static boolean isSafeReplicaName(String name) {
    return !name.isEmpty()
        && name.length() <= 64
        && name.chars()
            .allMatch(
                c ->
                    (c >= 'a' && c <= 'z')
                        || (c >= 'A' && c <= 'Z')
                        || (c >= '0' && c <= '9')
                        || c == '.'
                        || c == '_'
                        || c == '-');
  }

  private static void assertRefusedFor(String field, Throwable refused) {
    assertThat(refused).isInstanceOf(InvalidInputException.class);
    assertThat(((InvalidInputException) refused).field()).isEqualTo(field);
    assertThat(((InvalidInputException) refused).reason()).isNotBlank();
  }
}

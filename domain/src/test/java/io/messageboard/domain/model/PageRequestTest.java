package io.messageboard.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.messageboard.domain.failure.InvalidInputException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageRequestTest {

  @ParameterizedTest
  @ValueSource(ints = {1, 50, 500})
  void acceptsLimitsFromOneToFiveHundred(int limit) {
    assertThat(new PageRequest(Optional.of(new MessageId(3)), limit).limit()).isEqualTo(limit);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 501, Integer.MAX_VALUE, Integer.MIN_VALUE})
  void refusesLimitsOutsideOneToFiveHundredAndSaysWhy(int limit) {
    assertThatThrownBy(() -> new PageRequest(Optional.empty(), limit))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            failure -> {
              assertThat(failure.field()).isEqualTo("limit");
              assertThat(failure.reason()).isEqualTo("must be a whole number between 1 and 500");
            });
  }

  @Test
  void theFirstPageStartsBeforeEveryId() {
    PageRequest first = PageRequest.first(20);

    assertThat(first.after()).isEmpty();
    assertThat(first.limit()).isEqualTo(20);
  }
}

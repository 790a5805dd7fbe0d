package io.messageboard.domain.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.messageboard.domain.command.PostMessageCommand;
import io.messageboard.domain.model.MessageId;
import io.messageboard.domain.model.MessageText;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestFingerprintTest {

  @Test
  void isTheSha256OfTheRequestedIdAndText() {
    // printf 'POST messages\n-\nhello' | sha256sum
    assertThat(RequestFingerprint.of(post(Optional.empty(), "hello")).value())
        .isEqualTo("887d21ee96f69c63805e50b06e91ac44fd10a9f9225e1f477cc4d2e643fe861e");
    // printf 'POST messages\n7\nhello' | sha256sum
    assertThat(RequestFingerprint.of(post(Optional.of(new MessageId(7)), "hello")).value())
        .isEqualTo("76ad57c615a65f83a44eca38c3e61dd3a29ccd17d4e4fa42d4ef705b581773f4");
  }

  @Test
  void differsWhenTheTextOrTheIdDiffers() {
    RequestFingerprint hello = RequestFingerprint.of(post(Optional.empty(), "hello"));

    assertThat(RequestFingerprint.of(post(Optional.empty(), "hello!"))).isNotEqualTo(hello);
    assertThat(RequestFingerprint.of(post(Optional.of(new MessageId(1)), "hello")))
        .isNotEqualTo(hello);
    assertThat(RequestFingerprint.of(post(Optional.empty(), "hello"))).isEqualTo(hello);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "887d21ee96f69c63805e50b06e91ac44fd10a9f9225e1f477cc4d2e643fe861",
        "887D21EE96F69C63805E50B06E91AC44FD10A9F9225E1F477CC4D2E643FE861E",
        "887d21ee96f69c63805e50b06e91ac44fd10a9f9225e1f477cc4d2e643fe861ea"
      })
  void refusesAnythingButSixtyFourLowerCaseHexDigits(String value) {
    assertThatThrownBy(() -> new RequestFingerprint(value))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static PostMessageCommand post(Optional<MessageId> id, String text) {
    return new PostMessageCommand(id, new MessageText(text));
  }
}

package io.messageboard.adapter.http.v1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.messageboard.adapter.http.request.FieldError;
import io.messageboard.adapter.http.request.RequestRejectedException;
import io.messageboard.adapter.http.request.RequestRejectedException.Reason;
import io.messageboard.domain.model.Message;
import io.messageboard.domain.model.MessageId;
import io.messageboard.domain.model.StoredMessages;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EntityTagsTest {

  private static final Message AT_VERSION_TWO =
      StoredMessages.restore(new MessageId(5), "text", "r", Instant.EPOCH, Instant.EPOCH, 2);

  @Test
  void theTagIsTheQuotedVersion() {
    assertThat(EntityTags.of(AT_VERSION_TWO)).isEqualTo("\"2\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"*", " * "})
  void noIfMatchOrAStarRequiresNoVersion(String ifMatch) {
    assertThat(EntityTags.requiredVersion(null)).isEmpty();
    assertThat(EntityTags.requiredVersion(ifMatch)).isEmpty();
  }

  @Test
  void aStrongTagRequiresItsVersion() {
    assertThat(EntityTags.requiredVersion("\"7\"")).isEqualTo(OptionalLong.of(7));
    assertThat(EntityTags.requiredVersion("  \"123456789012345678\"  "))
        .isEqualTo(OptionalLong.of(123_456_789_012_345_678L));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"W/\"7\"", "\"07\"", "\"0\"", "\"seven\"", "\"\"", "\"1234567890123456789\""})
  void aWeakOrForeignTagRequiresAVersionNoMessageHas(String ifMatch) {
    assertThat(EntityTags.requiredVersion(ifMatch)).isEqualTo(OptionalLong.of(0));
  }

  @Test
  void ifMatchTakesExactlyOneTag() {
    assertThatThrownBy(() -> EntityTags.requiredVersion("\"1\", \"2\""))
        .isInstanceOfSatisfying(
            RequestRejectedException.class,
            rejected -> {
              assertThat(rejected.reason()).isEqualTo(Reason.MALFORMED);
              assertThat(rejected.errors())
                  .containsExactly(
                      new FieldError("If-Match", "must be one entity tag, as sent in ETag, or *"));
            });
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "7", "\"7", "\"7\" x", "x \"7\"", "\"7\";\"8\"", "w/\"7\""})
  void refusesAnIfMatchThatIsNotAQuotedTag(String ifMatch) {
    assertThatThrownBy(() -> EntityTags.requiredVersion(ifMatch))
        .isInstanceOfSatisfying(
            RequestRejectedException.class,
            rejected ->
                assertThat(rejected.errors())
                    .containsExactly(
                        new FieldError("If-Match", "must be a list of quoted entity tags or *")));
  }

  @Test
  void noIfNoneMatchNeverHits() {
    assertThat(EntityTags.noneMatchHits(null, AT_VERSION_TWO)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"*", " * ", "\"2\"", "W/\"2\"", "\"1\", \"2\"", "\"2\",\"3\""})
  void ifNoneMatchHitsTheCurrentTagComparedWeakly(String ifNoneMatch) {
    assertThat(EntityTags.noneMatchHits(ifNoneMatch, AT_VERSION_TWO)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"1\"", "W/\"3\"", "\"1\", \"3\"", "\"02\""})
  void ifNoneMatchMissesEveryOtherTag(String ifNoneMatch) {
    assertThat(EntityTags.noneMatchHits(ifNoneMatch, AT_VERSION_TWO)).isFalse();
  }

  @Test
  void refusesAnIfNoneMatchThatIsNotAListOfQuotedTags() {
    assertThatThrownBy(() -> EntityTags.noneMatchHits("2", AT_VERSION_TWO))
        .isInstanceOfSatisfying(
            RequestRejectedException.class,
            rejected ->
                assertThat(rejected.errors())
                    .containsExactly(
                        new FieldError(
                            "If-None-Match", "must be a list of quoted entity tags or *")));
  }
}

package io.messageboard.adapter.http.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which paths belong to the legacy API, so that their failures get its bodies. */
class LegacyPathsTest {

  @Test
  void ownsTheRootTheCollectionAndItsItemsOnly() {
    assertThat(LegacyRoutes.owns("/")).isTrue();
    assertThat(LegacyRoutes.owns("/data")).isTrue();
    assertThat(LegacyRoutes.owns("/data/-5")).isTrue();
    assertThat(LegacyRoutes.owns("/data/5/more")).isFalse();
    assertThat(LegacyRoutes.owns("/data/")).isFalse();
    assertThat(LegacyRoutes.owns("/database")).isFalse();
    assertThat(LegacyRoutes.owns("/api/v1/messages")).isFalse();
  }
}

package io.messageboard.adapter.http.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.messageboard.domain.idempotency.ClientScope;
import org.junit.jupiter.api.Test;

class ClientScopesTest {

  private static final String TOKEN = "write-token-0123456789abcdef";

  @Test
  void aTokensScopeIsThirtyTwoHexDigitsThatNeverHoldTheToken() {
    String scope = ClientScopes.ofToken(TOKEN).value();

    assertThat(scope).matches("[0-9a-f]{32}").doesNotContain("token").doesNotContain("0123456789");
  }

  @Test
  void theSameTokenAlwaysHasTheSameScope() {
    assertThat(ClientScopes.ofToken(TOKEN)).isEqualTo(ClientScopes.ofToken(TOKEN));
  }

  @Test
  void anotherTokenHasAnotherScope() {
    assertThat(ClientScopes.ofToken("rotated-token-fedcba9876543210"))
        .isNotEqualTo(ClientScopes.ofToken(TOKEN))
        .isNotEqualTo(ClientScope.ANONYMOUS);
  }

  // Stored keys stay valid across releases only while the derivation stays the same.
  @Test
  void theDerivationStaysTheSame() {
    assertThat(ClientScopes.ofToken(TOKEN))
        .isEqualTo(new ClientScope("1770886483fc81d9f09c14a821f68245"));
  }
}

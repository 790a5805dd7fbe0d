package io.messageboard.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CA certificates a PEM file holds become the only ones trusted. */
class CertificateAuthoritiesTest {

  private static final Path TLS = Path.of("src/test/resources/tls");

  @Test
  void everyCertificateOfTheFileIsTrusted() throws Exception {
    KeyStore store = CertificateAuthorities.trustStore(TLS.resolve("two-authorities.pem"));

    List<String> aliases = Collections.list(store.aliases());
    assertThat(aliases).hasSize(2);
    assertThat(aliases)
        .map(alias -> ((X509Certificate) store.getCertificate(alias)).getSubjectX500Principal())
        .map(Object::toString)
        .containsExactlyInAnyOrder("CN=Test authority one", "CN=Test authority two");
    assertThat(aliases).allMatch(alias -> isTrustedEntry(store, alias));
  }

  @Test
  void aContextIsMadeFromTheFile() {
    assertThat(CertificateAuthorities.trusting(TLS.resolve("two-authorities.pem")).getProtocol())
        .isEqualTo("TLS");
  }

  @Test
  void aFileWithoutACertificateIsRefused() {
    assertThatThrownBy(() -> CertificateAuthorities.trusting(TLS.resolve("no-authority.pem")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no-authority.pem");
  }

  @Test
  void aMissingFileIsRefused() {
    assertThatThrownBy(() -> CertificateAuthorities.trusting(TLS.resolve("missing.pem")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("missing.pem");
  }

  private static boolean isTrustedEntry(KeyStore store, String alias) {
    try {
      return store.isCertificateEntry(alias);
    } catch (java.security.KeyStoreException e) {
      throw new IllegalStateException(e);
    }
  }
}

package io.messageboard.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS that trusts the certificate authorities of a PEM file only: the local stack's generated CA,
 * or a company's own, without touching the JVM's trust store.
 */
public final class CertificateAuthorities {

  private CertificateAuthorities() {}

  /** An SSL context that trusts the CA certificates in {@code pemFile} and nothing else. */
  public static SSLContext trusting(Path pemFile) {
    try {
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(trustStore(pemFile));
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(null, trust.getTrustManagers(), null);
      return tls;
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot trust the CA certificates of " + pemFile, e);
    }
  }

  /** A key store holding each CA certificate of {@code pemFile}; refuses a file with none. */
  static KeyStore trustStore(Path pemFile) {
    try (InputStream in = Files.newInputStream(pemFile)) {
      Collection<? extends Certificate> authorities =
          CertificateFactory.getInstance("X.509").generateCertificates(in);
      if (authorities.isEmpty()) {
        throw new IllegalArgumentException("no certificate in " + pemFile);
      }
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int n = 0;
      for (Certificate authority : authorities) {
        store.setCertificateEntry("ca-" + n++, authority);
      }
      return store;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot read CA certificates from " + pemFile, e);
    }
  }
}

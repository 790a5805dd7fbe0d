package io.messageboard.deploy.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Makes the stack's own certificate authority ({@code -Dmessageboard.e2e.ca-file}, written by the
 * stack at its first up) the one every TLS client of the test JVM trusts, before any test class is
 * loaded: each {@code HttpClient} and socket a suite makes then verifies nginx's certificate and
 * its address as a client of the stack would. Without the setting it changes nothing.
 */
public final class StackCertificateAuthority implements LauncherSessionListener {

  static final String CA_FILE_PROPERTY = "messageboard.e2e.ca-file";

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    String caFile = System.getProperty(CA_FILE_PROPERTY, "");
    if (!caFile.isBlank()) {
      SSLContext context = trusting(Path.of(caFile));
      SSLContext.setDefault(context);
      HttpsURLConnection.setDefaultSSLSocketFactory(context.getSocketFactory());
    }
  }

  /** A TLS context that trusts the certificates in {@code caFile} (PEM) and nothing else. */
  static SSLContext trusting(Path caFile) {
    try (InputStream in = Files.newInputStream(caFile)) {
      KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
      trusted.load(null, null);
      int index = 0;
      for (Certificate certificate :
          CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        trusted.setCertificateEntry("stack-ca-" + index++, certificate);
      }
      if (index == 0) {
        throw new IllegalStateException("no certificate in " + caFile);
      }
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(trusted);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the stack's CA " + caFile, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot trust the stack's CA " + caFile, e);
    }
  }
}

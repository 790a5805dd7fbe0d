package io.messageboard.deploy.e2e;

import io.messageboard.client.CertificateAuthorities;
import java.nio.file.Path;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
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
      SSLContext context = CertificateAuthorities.trusting(Path.of(caFile));
      SSLContext.setDefault(context);
      HttpsURLConnection.setDefaultSSLSocketFactory(context.getSocketFactory());
    }
  }
}

package io.messageboard.bootstrap.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import org.eclipse.jetty.util.MemoryUtils;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class JettyCacheLinesTest {

  private @Nullable String before;

  @BeforeEach
  void rememberTheProperty() {
    before = System.getProperty(JettyCacheLines.PROPERTY);
    System.clearProperty(JettyCacheLines.PROPERTY);
  }

  @AfterEach
  void restoreTheProperty() {
    if (before == null) {
      System.clearProperty(JettyCacheLines.PROPERTY);
    } else {
      System.setProperty(JettyCacheLines.PROPERTY, before);
    }
  }

  @Test
  void givesJettyTheNumberItWouldWorkOutThroughTheMBeanServer() throws Exception {
    int jettys = referencesPerCacheLineAsAFreshJettyComputesIt();

    JettyCacheLines.describe();

    assertThat(System.getProperty(JettyCacheLines.PROPERTY)).isEqualTo(Integer.toString(jettys));
  }

  @Test
  void keepsTheNumberAnOperatorSet() {
    System.setProperty(JettyCacheLines.PROPERTY, "3");

    JettyCacheLines.describe();

    assertThat(System.getProperty(JettyCacheLines.PROPERTY)).isEqualTo("3");
  }

  @Test
  void fitsTwiceAsManyCompressedPointersInALine() {
    assertThat(JettyCacheLines.referencesPerCacheLine(true)).isEqualTo(16);
    assertThat(JettyCacheLines.referencesPerCacheLine(false)).isEqualTo(8);
  }

  // Jetty computes the number once per class loader, in MemoryUtils' static initialiser.
  private static int referencesPerCacheLineAsAFreshJettyComputesIt() throws Exception {
    URL[] jettyAndLogging = {
      MemoryUtils.class.getProtectionDomain().getCodeSource().getLocation(),
      LoggerFactory.class.getProtectionDomain().getCodeSource().getLocation()
    };
    try (URLClassLoader fresh =
        new URLClassLoader(jettyAndLogging, ClassLoader.getPlatformClassLoader())) {
      return (int)
          fresh
              .loadClass(MemoryUtils.class.getName())
              .getMethod("getReferencesPerCacheLine")
              .invoke(null);
    }
  }
}

package io.messageboard.bootstrap.server;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;

/**
 * Tells Jetty how many object references fit in a CPU cache line before its first thread pool is
 * built.
 *
 * <p>Jetty pads its queues by that number. Unless the {@value #PROPERTY} system property gives it,
 * Jetty asks whether object pointers are compressed through the JMX platform MBean server, which it
 * starts for that one question: about 60 ms of every start on a two-core machine. The same answer
 * comes from the HotSpot diagnostic bean alone, without the MBean server.
 */
public final class JettyCacheLines {

  /** Jetty's system property; a value set by the operator is kept. */
  public static final String PROPERTY = "org.eclipse.jetty.util.referencesPerCacheLine";

  private static final String CACHE_LINE_PROPERTY = "org.eclipse.jetty.util.cacheLineBytes";
  private static final int DEFAULT_CACHE_LINE_BYTES = 64;

  private JettyCacheLines() {}

  /** Sets {@value #PROPERTY} as Jetty would compute it, unless it is set already. */
  public static void describe() {
    if (System.getProperty(PROPERTY) != null) {
      return;
    }
    try {
      boolean compressed =
          Boolean.parseBoolean(
              ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                  .getVMOption("UseCompressedOops")
                  .getValue());
      System.setProperty(PROPERTY, Integer.toString(referencesPerCacheLine(compressed)));
    } catch (RuntimeException e) {
      // Not a HotSpot JVM: Jetty finds out by itself, as it would without this class.
    }
  }

  static int referencesPerCacheLine(boolean compressedPointers) {
    return cacheLineBytes() / (compressedPointers ? Integer.BYTES : Long.BYTES);
  }

  private static int cacheLineBytes() {
    try {
      return Integer.parseInt(
          System.getProperty(CACHE_LINE_PROPERTY, Integer.toString(DEFAULT_CACHE_LINE_BYTES)));
    } catch (NumberFormatException e) {
      return DEFAULT_CACHE_LINE_BYTES;
    }
  }
}

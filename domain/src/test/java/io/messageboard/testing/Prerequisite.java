package io.messageboard.testing;

import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * What a test needs besides the code (a tool, a built file, a reachable server): without it the
 * test is skipped on a developer's machine, and fails under {@code CI=true}, where a check that
 * cannot run must not pass. Every module's tests use this one rule.
 */
public final class Prerequisite {

  private Prerequisite() {}

  /**
   * Skips the calling test when {@code present} is false, or fails it when {@code CI=true}.
   *
   * @param missing what is missing and how to get it, for the skip or failure message
   */
  public static void require(boolean present, String missing) {
    require(System.getenv(), present, missing);
  }

  /** As {@link #require(boolean, String)}, reading {@code CI} from {@code environment}. */
  public static void require(Map<String, String> environment, boolean present, String missing) {
    if (!present && "true".equalsIgnoreCase(environment.get("CI"))) {
      throw new AssertionError(missing + " (CI=true: a check that cannot run must not pass)");
    }
    Assumptions.assumeTrue(present, missing);
  }
}

package io.messageboard.bootstrap.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;

/**
 * Imports production classes only: no test classes directories and no test-jars of other modules.
 */
final class ProductionClassesOnly implements ImportOption {

  private static final ImportOption NO_TEST_DIRECTORIES = new DoNotIncludeTests();

  @Override
  public boolean includes(Location location) {
    return NO_TEST_DIRECTORIES.includes(location) && !location.contains("-tests.jar");
  }
}

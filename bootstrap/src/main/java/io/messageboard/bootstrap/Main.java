package io.messageboard.bootstrap;

import io.messageboard.adapter.persistence.migration.SchemaStateException;
import io.messageboard.bootstrap.config.InvalidSettingException;
import io.messageboard.bootstrap.config.Settings;
import io.messageboard.bootstrap.lifecycle.TerminationSignals;
import io.messageboard.bootstrap.observability.LogOutput;
import io.messageboard.bootstrap.storage.ReleaseMigration;
import io.messageboard.bootstrap.storage.ReleaseMigrationException;
import java.util.List;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/** Command line entry point: {@code java -jar messageboard.jar [serve|migrate] [--help]}. */
public final class Main {

  static final int EXIT_INVALID_CONFIGURATION = 2;
  static final int EXIT_START_FAILED = 1;
  static final int EXIT_MIGRATION_FAILED = 2;

  private Main() {}

  public static void main(String[] args) {
    List<String> arguments = List.of(args);
    if (arguments.contains("--help") || arguments.contains("-h")) {
      HelpText.print(System.out);
      return;
    }
    Optional<Verb> verb = Verb.of(arguments);
    if (verb.isEmpty()) {
      System.err.println("Unknown arguments: " + String.join(" ", arguments) + " (try --help)");
      System.exit(EXIT_INVALID_CONFIGURATION);
      return;
    }
    switch (verb.get()) {
      case SERVE -> serve();
      case MIGRATE -> System.exit(migrate());
    }
  }

  /**
   * The release step: exit code 0 once the schema is this release's, else 2 with one line on
   * standard error saying why.
   */
  static int migrate() {
    try {
      Settings settings = Settings.fromEnvironment();
      LogOutput.select(settings.logFormat());
      String done = ReleaseMigration.run(settings);
      LoggerFactory.getLogger(Main.class).info("Migrated: {}", done);
      return 0;
    } catch (InvalidSettingException e) {
      System.err.println("messageboard migrate: bad settings: " + e.getMessage());
    } catch (ReleaseMigrationException e) {
      System.err.println("messageboard migrate: " + e.getMessage());
    }
    return EXIT_MIGRATION_FAILED;
  }

  private static void serve() {
    Settings settings;
    try {
      settings = Settings.fromEnvironment().requireNoAnonymousWritesFromTheNetwork();
    } catch (InvalidSettingException e) {
      System.err.println(e.getMessage());
      System.exit(EXIT_INVALID_CONFIGURATION);
      return;
    }
    LogOutput.select(settings.logFormat());
    Application application = new Application(settings);
    TerminationSignals.onTerminate(application.gracefulShutdown());
    Runtime.getRuntime().addShutdownHook(new Thread(application::stop, "shutdown"));
    try {
      application.start();
    } catch (SchemaStateException e) {
      // The message says what state the schema is in and what to do; a stack trace adds nothing.
      LoggerFactory.getLogger(Main.class).error("Messageboard could not start: {}", e.getMessage());
      System.exit(EXIT_START_FAILED);
    } catch (InvalidSettingException e) {
      // A setting found wrong only at start (e.g. no database for a jar without the embedded one).
      System.err.println(e.getMessage());
      System.exit(EXIT_INVALID_CONFIGURATION);
    } catch (RuntimeException e) {
      LoggerFactory.getLogger(Main.class)
          .error("Messageboard could not start: {}", e.toString(), e);
      System.exit(EXIT_START_FAILED);
    }
  }
}

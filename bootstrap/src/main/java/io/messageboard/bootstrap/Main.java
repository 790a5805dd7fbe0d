package io.messageboard.bootstrap;

import io.messageboard.adapter.persistence.migration.SchemaStateException;
import io.messageboard.bootstrap.config.InvalidSettingException;
import io.messageboard.bootstrap.config.Settings;
import io.messageboard.bootstrap.lifecycle.TerminationSignals;
import io.messageboard.bootstrap.observability.LogOutput;
import java.util.Arrays;
import org.slf4j.LoggerFactory;

/** Command line entry point: {@code java -jar messageboard.jar [--help]}. */
public final class Main {

  static final int EXIT_INVALID_CONFIGURATION = 2;
  static final int EXIT_START_FAILED = 1;

  private Main() {}

  public static void main(String[] args) {
    if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
      HelpText.print(System.out);
      return;
    }
    if (args.length > 0) {
      System.err.println("Unknown argument: " + args[0] + " (try --help)");
      System.exit(EXIT_INVALID_CONFIGURATION);
    }
    Settings settings;
    try {
      settings = Settings.fromEnvironment();
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

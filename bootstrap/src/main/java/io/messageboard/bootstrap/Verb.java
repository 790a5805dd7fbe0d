package io.messageboard.bootstrap;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What {@code java -jar messageboard.jar VERB} does; {@code serve} when no verb is given. */
enum Verb {
  SERVE("run a replica: the API and the management port (the default)"),
  MIGRATE(
      "bring the database's schema to this release's version as DB_MIGRATION_USER, then exit"
          + " (0, or 2 with one line on standard error); run it once per release, before the"
          + " replicas");

  private final String description;

  Verb(String description) {
    this.description = description;
  }

  /** The verb the arguments name, {@code serve} for none; empty when they name no single verb. */
  static Optional<Verb> of(List<String> arguments) {
    if (arguments.isEmpty()) {
      return Optional.of(SERVE);
    }
    if (arguments.size() > 1) {
      return Optional.empty();
    }
    for (Verb verb : values()) {
      if (verb.command().equals(arguments.get(0))) {
        return Optional.of(verb);
      }
    }
    return Optional.empty();
  }

  String command() {
    return name().toLowerCase(Locale.ROOT);
  }

  String description() {
    return description;
  }
}

package io.messageboard.bootstrap.storage;

/** The release step could not migrate the schema; the message is one line for the operator. */
public final class ReleaseMigrationException extends RuntimeException {

  ReleaseMigrationException(String message) {
    super(message);
  }
}

package io.messageboard.bootstrap.config;

/** A setting has a value the service cannot start with; the message is one line naming it. */
public final class InvalidSettingException extends RuntimeException {

  public InvalidSettingException(Setting setting, String value, String expected) {
    super("Invalid %s=%s: expected %s".formatted(setting.environmentVariable(), value, expected));
  }

  public InvalidSettingException(String message) {
    super(message);
  }
}

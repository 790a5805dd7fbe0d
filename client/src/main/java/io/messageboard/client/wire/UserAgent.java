package io.messageboard.client.wire;

/** The {@code User-Agent} every request of the client carries, calls and feed alike. */
public final class UserAgent {

  public static final String VALUE = "messageboard-client/1";

  private UserAgent() {}
}

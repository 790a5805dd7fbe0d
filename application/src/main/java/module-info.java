/**
 * Messageboard's use cases: one service per driving port, and {@code MessageBoard} to wire them.
 */
module io.messageboard.application {
  requires transitive io.messageboard.domain;
  requires static transitive org.jspecify;

  exports io.messageboard.application;
  exports io.messageboard.application.feed;
}

/**
 * Messageboard's domain: messages and their value objects, the driving and driven ports, commands,
 * failures and idempotency keys. Depends on the JDK only; JSpecify's annotations say where null is
 * allowed.
 */
module io.messageboard.domain {
  requires static transitive org.jspecify;

  exports io.messageboard.domain.command;
  exports io.messageboard.domain.failure;
  exports io.messageboard.domain.feed;
  exports io.messageboard.domain.idempotency;
  exports io.messageboard.domain.model;
  exports io.messageboard.domain.port.in;
  exports io.messageboard.domain.port.out;
}

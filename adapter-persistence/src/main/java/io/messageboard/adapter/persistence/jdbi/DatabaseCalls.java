package io.messageboard.adapter.persistence.jdbi;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * Runs database work and turns its failures into domain failures, telling a write that was refused
 * (nothing stored) from one whose outcome is unknown (the connection died after it was sent).
 *
 * <p>Work that is safe to repeat is run a second time, once, when the database refused it and
 * certainly wrote nothing ({@link SqlFailures#isRefusal}: a Galera certification failure or
 * deadlock, or a node outside the primary component). Safe means that a second run cannot store
 * twice even if the refusal were wrong: reads, writes conditional on a version, and work keyed by
 * an idempotency key. A post without a key is not repeated; its client gets the refusal and its
 * {@code Retry-After}. A write whose outcome is unknown is never repeated here.
 */
final class DatabaseCalls {

  private DatabaseCalls() {}

  /**
   * A read, or a write of bookkeeping no client is told about (an idempotency key's hold); repeated
   * once if refused. A lost connection means the store is unavailable.
   */
  static <T> T query(Jdbi jdbi, HandleCallback<T, RuntimeException> work) {
    return translated(() -> repeatedOnceIfRefused(() -> jdbi.withHandle(work)), false);
  }

  /**
   * A transaction, repeated once if refused when {@code repeatable}. A lost connection leaves the
   * outcome unknown only once the COMMIT was sent; before that the server rolls the transaction
   * back.
   */
  static <T> T transaction(
      Jdbi jdbi, boolean repeatable, HandleCallback<T, RuntimeException> work) {
    AtomicBoolean committing = new AtomicBoolean();
    Supplier<T> once =
        () -> {
          committing.set(false);
          return jdbi.inTransaction(
              handle -> {
                T result = work.withHandle(handle);
                committing.set(true);
                return result;
              });
        };
    try {
      return repeatable ? repeatedOnceIfRefused(once) : once.get();
    } catch (JdbiException failure) {
      throw committing.get()
          ? SqlFailures.translateSentWrite(failure)
          : SqlFailures.translate(failure);
    }
  }

  private static <T> T repeatedOnceIfRefused(Supplier<T> work) {
    try {
      return work.get();
    } catch (JdbiException failure) {
      if (!SqlFailures.isRefusal(failure)) {
        throw failure;
      }
      return work.get();
    }
  }

  private static <T> T translated(Supplier<T> work, boolean sentWrite) {
    try {
      return work.get();
    } catch (JdbiException failure) {
      throw sentWrite ? SqlFailures.translateSentWrite(failure) : SqlFailures.translate(failure);
    }
  }
}

/** The background purge of expired idempotency keys. */
@NullMarked
package io.messageboard.bootstrap.idempotency;

import org.jspecify.annotations.NullMarked;

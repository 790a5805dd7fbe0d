/** Idempotency keys: the key, the request fingerprint and the recorded outcome of a POST. */
@NullMarked
package io.messageboard.domain.idempotency;

import org.jspecify.annotations.NullMarked;

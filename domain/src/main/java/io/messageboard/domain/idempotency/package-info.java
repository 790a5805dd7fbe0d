/**
 * Idempotency keys: the key, the request fingerprint and the outcome of a post (the message it
 * created).
 */
@NullMarked
package io.messageboard.domain.idempotency;

import org.jspecify.annotations.NullMarked;

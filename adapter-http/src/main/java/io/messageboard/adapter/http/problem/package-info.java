/** Failures and their RFC 9457 problem responses; the one place statuses are chosen. */
@NullMarked
package io.messageboard.adapter.http.problem;

import org.jspecify.annotations.NullMarked;

/** Checks HTTP responses against the OpenAPI contract. */
@NullMarked
package io.messageboard.adapter.http.contract;

import org.jspecify.annotations.NullMarked;

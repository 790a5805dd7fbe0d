/** The API documentation page and the OpenAPI contract it serves. */
@NullMarked
package io.messageboard.adapter.http.docs;

import org.jspecify.annotations.NullMarked;

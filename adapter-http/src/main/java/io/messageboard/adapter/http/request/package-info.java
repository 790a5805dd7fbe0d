/** Reading and validating request parts: path ids, bodies, request ids. */
@NullMarked
package io.messageboard.adapter.http.request;

import org.jspecify.annotations.NullMarked;

/** Bearer tokens that writes need, and the check that asks for them. */
@NullMarked
package io.messageboard.adapter.http.auth;

import org.jspecify.annotations.NullMarked;

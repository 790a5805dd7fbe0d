/** API tests against the fully wired application. */
@NullMarked
package io.messageboard.bootstrap.api;

import org.jspecify.annotations.NullMarked;

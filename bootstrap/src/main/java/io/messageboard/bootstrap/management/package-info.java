/** The management server: health, readiness and metrics endpoints. */
@NullMarked
package io.messageboard.bootstrap.management;

import org.jspecify.annotations.NullMarked;

/** A seeded generator of hostile input and the harness that runs properties over it. */
@NullMarked
package io.messageboard.domain.property;

import org.jspecify.annotations.NullMarked;

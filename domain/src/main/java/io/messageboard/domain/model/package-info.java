/** Messages, their value objects and pages. */
@NullMarked
package io.messageboard.domain.model;

import org.jspecify.annotations.NullMarked;

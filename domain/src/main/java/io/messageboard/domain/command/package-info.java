/** Commands: the validated inputs of the use cases that change messages. */
@NullMarked
package io.messageboard.domain.command;

import org.jspecify.annotations.NullMarked;

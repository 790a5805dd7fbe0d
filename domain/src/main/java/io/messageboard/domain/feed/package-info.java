/**
 * The change feed's model: each change of the board as an event with its position in one order that
 * every replica and every reader shares.
 */
@NullMarked
package io.messageboard.domain.feed;

import org.jspecify.annotations.NullMarked;

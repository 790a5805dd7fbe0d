/** Choosing and opening the message storage the settings ask for. */
@NullMarked
package io.messageboard.bootstrap.storage;

import org.jspecify.annotations.NullMarked;

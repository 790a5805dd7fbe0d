/** Settings read from the environment, with their defaults and validation. */
@NullMarked
package io.messageboard.bootstrap.config;

import org.jspecify.annotations.NullMarked;

/** Test fixtures: the service in-process, and the contract check of every exchange. */
@NullMarked
package io.messageboard.client.testing;

import org.jspecify.annotations.NullMarked;

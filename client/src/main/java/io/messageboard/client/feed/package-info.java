/**
 * The change feed over HTTP: a Server-Sent Events reader, and the feed's driving port on top of it
 * with reconnection, resumption and a Reactive Streams publisher.
 */
@NullMarked
package io.messageboard.client.feed;

import org.jspecify.annotations.NullMarked;

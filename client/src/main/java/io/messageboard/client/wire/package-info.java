/**
 * The client's side of the wire format: message JSON, problem documents, {@code Retry-After}, and
 * the domain failure each problem stands for. Shared by the request client and the feed.
 */
@NullMarked
package io.messageboard.client.wire;

import org.jspecify.annotations.NullMarked;

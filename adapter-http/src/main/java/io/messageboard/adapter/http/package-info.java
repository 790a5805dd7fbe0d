/** HTTP adapter: the Javalin application, its routes and request observation. */
@NullMarked
package io.messageboard.adapter.http;

import org.jspecify.annotations.NullMarked;

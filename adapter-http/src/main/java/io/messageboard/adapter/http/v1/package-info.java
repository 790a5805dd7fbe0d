/** The v1 messages API: routes, response bodies, paging and entity tags. */
@NullMarked
package io.messageboard.adapter.http.v1;

import org.jspecify.annotations.NullMarked;

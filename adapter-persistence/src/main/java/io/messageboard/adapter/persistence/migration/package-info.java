/** Schema migrations (Flyway) and adoption of an existing database. */
@NullMarked
package io.messageboard.adapter.persistence.migration;

import org.jspecify.annotations.NullMarked;

/** An embedded MariaDB server for running without an external database. */
@NullMarked
package io.messageboard.adapter.persistence.embedded;

import org.jspecify.annotations.NullMarked;

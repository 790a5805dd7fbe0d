/** The MariaDB message repository on JDBI, and its SQL failure translation. */
@NullMarked
package io.messageboard.adapter.persistence.jdbi;

import org.jspecify.annotations.NullMarked;

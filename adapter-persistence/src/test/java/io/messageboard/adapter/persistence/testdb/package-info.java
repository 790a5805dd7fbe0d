/** The MariaDB servers and databases the persistence tests run against. */
@NullMarked
package io.messageboard.adapter.persistence.testdb;

import org.jspecify.annotations.NullMarked;

/** Connection pools (HikariCP) for MariaDB. */
@NullMarked
package io.messageboard.adapter.persistence.pool;

import org.jspecify.annotations.NullMarked;

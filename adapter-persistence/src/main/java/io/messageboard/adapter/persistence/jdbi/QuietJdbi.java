package io.messageboard.adapter.persistence.jdbi;

import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementExceptions;

/** JDBI over a data source, configured so that no bound argument (message text) reaches a log. */
final class QuietJdbi {

  private QuietJdbi() {}

  static Jdbi over(DataSource dataSource) {
    Jdbi jdbi = Jdbi.create(dataSource);
    // JDBI's default exception message renders the bound arguments into every log line.
    jdbi.getConfig(StatementExceptions.class)
        .setMessageRendering(StatementExceptions.MessageRendering.NONE);
    return jdbi;
  }
}

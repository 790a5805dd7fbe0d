package io.messageboard.adapter.persistence.migration;

import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.BaseCallback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/**
 * Adds {@code NO_AUTO_VALUE_ON_ZERO} to the SQL mode of every connection Flyway opens. The original
 * system accepted any integer as {@code clid}, 0 included; without this mode MariaDB renumbers a
 * row with id 0 when V4 makes the column AUTO_INCREMENT, and refuses the change when the new number
 * is taken.
 */
final class KeepZeroIds extends BaseCallback {

  static final String SQL =
      "SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''),"
          + " 'NO_AUTO_VALUE_ON_ZERO')";

  @Override
  public boolean supports(Event event, Context context) {
    return event == Event.AFTER_CONNECT;
  }

  @Override
  public void handle(Event event, Context context) {
    try (Statement statement = context.getConnection().createStatement()) {
      statement.execute(SQL);
    } catch (SQLException e) {
      throw new FlywayException("Cannot keep id 0 for the migrations: " + e.getMessage(), e);
    }
  }
}

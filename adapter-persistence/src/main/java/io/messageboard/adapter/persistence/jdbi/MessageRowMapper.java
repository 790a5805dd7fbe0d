package io.messageboard.adapter.persistence.jdbi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Reads a {@link MessageRow} column by column; a renamed column fails loudly instead of mapping to
 * null.
 */
final class MessageRowMapper implements RowMapper<MessageRow> {

  static final String COLUMNS = "clid, mess, sid, created_at, updated_at, version";

  @Override
  public MessageRow map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new MessageRow(
        rs.getInt("clid"),
        rs.getString("mess"),
        rs.getString("sid"),
        rs.getObject("created_at", LocalDateTime.class),
        rs.getObject("updated_at", LocalDateTime.class),
        rs.getLong("version"));
  }
}

package io.messageboard.adapter.persistence.migration;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the {@code messages} schema to the current version with Flyway; adopts a seed database in
 * place.
 *
 * <p>V1 is the seed's table. A database that already has a {@code messages} table but no Flyway
 * history is the seed's: it is baselined at V1 and migrated from there, so its rows stay and
 * nothing is dropped. Run it with a user that may alter the schema; the service itself needs only
 * SELECT, INSERT, UPDATE and DELETE. Migrations run without the pool's socket timeout, since a
 * schema change may take longer than any query.
 */
public final class SchemaMigrator {

  static final String LOCATION = "classpath:db/messageboard";
  static final String HISTORY_TABLE = "flyway_schema_history";

  private static final Logger log = LoggerFactory.getLogger(SchemaMigrator.class);

  private final DataSource ownerDataSource;

  public SchemaMigrator(DataSource ownerDataSource) {
    this.ownerDataSource = ownerDataSource;
  }

  /** Applies pending migrations; returns how many ran. */
  public int migrate() {
    Flyway flyway =
        Flyway.configure()
            .dataSource(new WithoutNetworkTimeout(ownerDataSource))
            .locations(LOCATION)
            .table(HISTORY_TABLE)
            .baselineVersion("1")
            .baselineDescription("adopted seed messages table")
            .cleanDisabled(true)
            .load();
    if (isUnversionedSeed()) {
      log.info(
          "Adopting an existing messages table without migration history: baselining it at version 1");
      flyway.baseline();
    }
    return flyway.migrate().migrationsExecuted;
  }

  private boolean isUnversionedSeed() {
    try (Connection connection = ownerDataSource.getConnection()) {
      return hasTable(connection, "messages") && !hasTable(connection, HISTORY_TABLE);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot inspect the schema before migrating it", e);
    }
  }

  private static boolean hasTable(Connection connection, String name) throws SQLException {
    DatabaseMetaData metaData = connection.getMetaData();
    try (ResultSet tables =
        metaData.getTables(connection.getCatalog(), null, name, new String[] {"TABLE"})) {
      return tables.next();
    }
  }
}

package io.messageboard.adapter.persistence.migration;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;

/**
 * Reads which migrations the database has applied (Flyway's info over {@code
 * flyway_schema_history}) and compares them with the ones this release carries, without changing
 * anything: the service's own DML-only user is enough.
 */
public final class SchemaVersionCheck {

  private final DataSource dataSource;

  public SchemaVersionCheck(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * The schema's state as this release sees it.
   *
   * @throws org.flywaydb.core.api.FlywayException when the database cannot be read
   */
  public SchemaStatus check() {
    MigrationInfoService info = SchemaMigrator.configure(dataSource).load().info();
    List<MigrationInfo> all = Arrays.asList(info.all());
    String required =
        all.stream()
            .filter(migration -> migration.getState().isResolved())
            .map(MigrationInfo::getVersion)
            .max(Comparable::compareTo)
            .map(version -> version.getVersion())
            .orElseThrow(() -> new IllegalStateException("No migrations on the classpath"));
    Optional<String> applied =
        Optional.ofNullable(info.current()).map(current -> current.getVersion().getVersion());
    Optional<String> failed =
        all.stream()
            .filter(migration -> migration.getState().isFailed())
            .map(migration -> migration.getVersion().getVersion())
            .findFirst();
    List<String> missing = versionsIn(all, MigrationState.PENDING, MigrationState.IGNORED);
    List<String> unknown =
        versionsIn(all, MigrationState.FUTURE_SUCCESS, MigrationState.FUTURE_FAILED);
    return new SchemaStatus(applied, required, missing, unknown, failed);
  }

  private static List<String> versionsIn(List<MigrationInfo> all, MigrationState... states) {
    List<MigrationState> wanted = List.of(states);
    return all.stream()
        .filter(migration -> wanted.contains(migration.getState()))
        .map(migration -> migration.getVersion().getVersion())
        .toList();
  }
}

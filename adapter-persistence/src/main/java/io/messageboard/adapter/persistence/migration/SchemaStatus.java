package io.messageboard.adapter.persistence.migration;

import java.util.List;
import java.util.Optional;

/**
 * Where the database's schema stands for this release: the highest applied migration, the highest
 * one this release carries, this release's migrations not yet applied, applied migrations this
 * release does not know (a newer release's), and the first failed one.
 */
public record SchemaStatus(
    Optional<String> applied,
    String required,
    List<String> missing,
    List<String> unknown,
    Optional<String> failed) {

  public SchemaStatus {
    missing = List.copyOf(missing);
    unknown = List.copyOf(unknown);
  }

  /**
   * Whether this release can serve on the schema: every migration it carries is applied and none
   * failed. Migrations it does not know are allowed: a release's migrations only add (expand), so
   * the release before it serves on them (docs/operations.md).
   */
  public boolean servable() {
    return applied.isPresent() && missing.isEmpty() && failed.isEmpty();
  }

  /** What keeps the schema from being servable, e.g. "schema at V5, this release needs V7". */
  public String shortfall() {
    if (failed.isPresent()) {
      return "migration V%s is recorded as failed, this release needs V%s"
          .formatted(failed.get(), required);
    }
    if (applied.isEmpty()) {
      return "schema has no migrations applied, this release needs V" + required;
    }
    if (!missing.isEmpty() && applied.get().equals(required)) {
      return "schema at V%s lacks V%s".formatted(applied.get(), String.join(", V", missing));
    }
    return "schema at V%s, this release needs V%s".formatted(applied.get(), required);
  }
}

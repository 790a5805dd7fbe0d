package io.messageboard.bench.harness;

/**
 * The product's release step on a schema: {@code java -jar messageboard.jar migrate}, as the stacks
 * run it before their replicas, which never migrate an external database themselves.
 */
final class ProductMigration {

  private ProductMigration() {}

  /** Migrates SCHEMA; fails when the step exits non-zero (its output is in the logs folder). */
  static void run(Run run, String schema) {
    Ports ports = run.ports();
    Command.toFile(
        run.java()
            .jar(
                run.layout().productJar(),
                run.settings().product(schema, ports.probe(), ports.probeManagement(), "migrate"),
                "migrate"),
        run.launcher().log("migrate-" + schema));
  }
}

package io.messageboard.bench.harness;

import io.messageboard.bench.plan.Program;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * The HTTP programs measured directly, started once for the whole run: the product (whose
 * migrations create the schema the rows are loaded into), the thin baseline and the Spring peer.
 */
final class Programs {

  private final Run run;
  private final Map<Program, Launched> started = new EnumMap<>(Program.class);

  Programs(Run run) {
    this.run = run;
  }

  void start() {
    Ports ports = run.ports();
    Log.info(
        "migrating the schema (the product's release step), starting the product, then loading "
            + Run.ROWS
            + " messages");
    ProductMigration.run(run, MariaDbServer.DATABASE);
    started.put(
        Program.MESSAGEBOARD,
        run.launcher()
            .start(
                Program.MESSAGEBOARD.id(),
                run.java()
                    .jar(
                        run.layout().productJar(),
                        run.settings()
                            .product(
                                MariaDbServer.DATABASE,
                                ports.product(),
                                ports.productManagement(),
                                "bench-1"))));
    awaitReady("http://127.0.0.1:" + ports.productManagement() + "/health/ready");
    run.database().client().loadMessages(MariaDbServer.DATABASE, Run.ROWS);
    Log.info("starting the thin baseline and the Spring Boot peer");
    reference(Program.THIN_BASELINE, run.layout().thinBaselineJar(), ports.thinBaseline());
    reference(Program.SPRING_PEER, run.layout().springPeerJar(), ports.springPeer());
    awaitReady(url(Program.THIN_BASELINE) + "/api/v1/messages/1");
    awaitReady(url(Program.SPRING_PEER) + "/api/v1/messages/1");
  }

  private void reference(Program program, Path jar, int port) {
    started.put(
        program,
        run.launcher().start(program.id(), run.java().jar(jar, run.settings().reference(port))));
  }

  private void awaitReady(String url) {
    Http.awaitOk(url, Duration.ofSeconds(120), run.layout().work().toString());
  }

  long pid(Program program) {
    return started.get(program).pid();
  }

  /** Where wrk sends a program's load. */
  String url(Program program) {
    int port =
        switch (program) {
          case MESSAGEBOARD -> run.ports().product();
          case THIN_BASELINE -> run.ports().thinBaseline();
          case SPRING_PEER -> run.ports().springPeer();
          case RAW_JDBC -> throw new IllegalArgumentException("the raw loop has no HTTP side");
        };
    return "http://127.0.0.1:" + port;
  }
}

package io.messageboard.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The raw ceiling: one thread per connection runs the product's point select (or insert) through
 * the MariaDB driver in a loop, no HTTP, no pool. Prints one JSON summary line in the format the
 * wrk scripts print (latencies in microseconds), so the harness reads both the same way.
 */
public final class RawJdbcLoop {

  private static final String SELECT =
      "SELECT clid, mess, sid, created_at, updated_at, version FROM messages WHERE clid = ?";
  private static final String INSERT =
      "INSERT INTO messages (mess, sid, created_at, updated_at, version) VALUES (?, ?, ?, ?, 1)";

  private RawJdbcLoop() {}

  /** What one thread did while it was measured: latencies in microseconds, and failures. */
  private static final class Tally {
    long[] micros = new long[1 << 16];
    int count;
    long errors;

    void add(long value) {
      if (count == micros.length) {
        micros = Arrays.copyOf(micros, count * 2);
      }
      micros[count++] = value;
    }
  }

  public static void main(String[] args) throws Exception {
    String mode = args[0];
    double warmUpSeconds = Double.parseDouble(args[1]);
    double seconds = Double.parseDouble(args[2]);
    int threads = Integer.parseInt(System.getenv("BENCH_POOL_SIZE"));
    int rows = Integer.parseInt(System.getenv().getOrDefault("BENCH_ROWS", "10000"));
    long start = System.nanoTime();
    long measureFrom = start + (long) (warmUpSeconds * 1e9);
    long measureUntil = measureFrom + (long) (seconds * 1e9);
    List<Tally> tallies = new ArrayList<>();
    List<Thread> workers = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      Tally tally = new Tally();
      tallies.add(tally);
      Thread worker =
          new Thread(() -> loop(mode, rows, measureFrom, measureUntil, tally), "raw-" + i);
      workers.add(worker);
      worker.start();
    }
    for (Thread worker : workers) {
      worker.join();
    }
    report(tallies, seconds);
  }

  private static void loop(
      String mode, int rows, long measureFrom, long measureUntil, Tally tally) {
    try (Connection connection =
            DriverManager.getConnection(
                System.getenv("BENCH_DB_URL"),
                System.getenv("BENCH_DB_USER"),
                System.getenv("BENCH_DB_PASSWORD"));
        PreparedStatement statement =
            connection.prepareStatement(mode.equals("insert") ? INSERT : SELECT)) {
      long sequence = 0;
      while (true) {
        long before = System.nanoTime();
        if (before >= measureUntil) {
          return;
        }
        boolean ok = once(mode, statement, rows, Thread.currentThread().getName(), sequence++);
        long after = System.nanoTime();
        if (before >= measureFrom) {
          tally.add((after - before) / 1_000);
          if (!ok) {
            tally.errors++;
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean once(
      String mode, PreparedStatement statement, int rows, String thread, long sequence) {
    try {
      if (mode.equals("insert")) {
        Timestamp now = Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        statement.setString(1, "raw " + thread + " " + sequence);
        statement.setString(2, "raw");
        statement.setTimestamp(3, now);
        statement.setTimestamp(4, now);
        return statement.executeUpdate() == 1;
      }
      statement.setInt(1, ThreadLocalRandom.current().nextInt(1, rows + 1));
      try (ResultSet row = statement.executeQuery()) {
        return row.next() && row.getString(2) != null && row.getTimestamp(4) != null;
      }
    } catch (SQLException e) {
      return false;
    }
  }

  private static void report(List<Tally> tallies, double seconds) {
    int total = tallies.stream().mapToInt(t -> t.count).sum();
    long errors = tallies.stream().mapToLong(t -> t.errors).sum();
    long[] all = new long[total];
    int at = 0;
    for (Tally tally : tallies) {
      System.arraycopy(tally.micros, 0, all, at, tally.count);
      at += tally.count;
    }
    Arrays.sort(all);
    System.out.printf(
        Locale.ROOT,
        "{\"requests\":%d,\"durationUs\":%d,\"p50Us\":%d,\"p90Us\":%d,\"p99Us\":%d,"
            + "\"maxUs\":%d,\"non2xx\":%d,\"socketErrors\":%d}%n",
        total,
        (long) (seconds * 1e6),
        percentile(all, 0.50),
        percentile(all, 0.90),
        percentile(all, 0.99),
        total == 0 ? 0 : all[total - 1],
        errors,
        errors);
  }

  private static long percentile(long[] sorted, double fraction) {
    if (sorted.length == 0) {
      return 0;
    }
    int index = (int) Math.ceil(fraction * sorted.length) - 1;
    return sorted[Math.max(0, index)];
  }
}

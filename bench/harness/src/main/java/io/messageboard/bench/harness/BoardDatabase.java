package io.messageboard.bench.harness;

import io.messageboard.bench.scale.BufferPoolCounters;
import io.messageboard.bench.scale.DiskUse;
import java.nio.file.Path;

/** What the scale run asks the benchmark's MariaDB, as its root: buffer pool, sizes, disk. */
record BoardDatabase(MariaDbClient client) {

  BufferPoolCounters bufferPoolCounters() {
    return BufferPoolCounters.parse(client.execute(null, BufferPoolCounters.QUERY));
  }

  long bufferPoolBytes() {
    return Long.parseLong(client.execute(null, "SELECT @@innodb_buffer_pool_size;\n").strip());
  }

  /** Sets the buffer pool to MIB (the server resizes it while running) and checks it took. */
  void resizeBufferPool(int mib) {
    long bytes = mib * 1_048_576L;
    client.execute(null, "SET GLOBAL innodb_buffer_pool_size = " + bytes + ";\n");
    long now = bufferPoolBytes();
    if (now != bytes) {
      throw new IllegalStateException(
          "the buffer pool is " + now + " bytes after asking for " + bytes);
    }
  }

  /** The messages table's data and index after ANALYZE TABLE has counted them again. */
  long tableBytes(String schema) {
    client.execute(schema, "ANALYZE TABLE messages;\n");
    return DiskUse.tableBytes(client.execute(schema, DiskUse.TABLE_QUERY));
  }

  Path dataDirectory() {
    return Path.of(client.execute(null, "SELECT @@datadir;\n").strip());
  }

  /** The blocks PATH (a file, or a folder and all below it) takes on disk, in bytes. */
  static long onDisk(Path path) {
    return DiskUse.duBytes(Command.output("du", "--summarize", "--block-size=1", path.toString()));
  }
}

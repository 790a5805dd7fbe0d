package io.messageboard.bench.proc;

/** Reads /proc/PID/stat: the CPU time a process has used. */
public final class ProcStat {

  // Fields after the command name (which may hold blanks and parentheses, hence the last ')'):
  // state is the first, utime the 12th and stime the 13th (fields 14 and 15 in proc(5)).
  private static final int UTIME = 11;
  private static final int STIME = 12;

  private ProcStat() {}

  /** User plus system CPU time in clock ticks. */
  public static long cpuTicks(String stat) {
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).strip().split(" ");
    return Long.parseLong(fields[UTIME]) + Long.parseLong(fields[STIME]);
  }
}

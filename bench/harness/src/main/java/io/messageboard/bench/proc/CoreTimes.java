package io.messageboard.bench.proc;

/** The machine's cores together, from the first line of /proc/stat: ticks busy and idle. */
public record CoreTimes(long busy, long idle) {

  /**
   * "cpu user nice system idle iowait irq softirq steal ...": idle and iowait count as idle, the
   * others as busy (guest time is already inside user).
   */
  public static CoreTimes parse(String procStat) {
    String[] f = procStat.lines().findFirst().orElseThrow().strip().split("\\s+");
    if (!f[0].equals("cpu")) {
      throw new IllegalArgumentException("not the cpu line of /proc/stat: " + f[0]);
    }
    long busy = 0;
    for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
      busy += Long.parseLong(f[i]);
    }
    return new CoreTimes(busy, Long.parseLong(f[4]) + Long.parseLong(f[5]));
  }

  /** How busy the cores were, in whole percent, between an earlier reading and this one. */
  public int busyPercentSince(CoreTimes earlier) {
    long busyTicks = busy - earlier.busy;
    long all = busyTicks + idle - earlier.idle;
    return all > 0 ? (int) (100 * busyTicks / all) : 0;
  }
}

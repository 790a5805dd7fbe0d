package io.messageboard.bench.proc;

/** Reads /proc/PID/status: a process's resident memory. */
public final class ProcStatus {

  private ProcStatus() {}

  /** VmRSS in KiB, or 0 for a process without one (a zombie, a kernel thread). */
  public static long residentKib(String status) {
    return KibField.of(status, "VmRSS").orElse(0);
  }
}

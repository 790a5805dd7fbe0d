package io.messageboard.client;

/** Whether a call may be sent again after an attempt whose fate is unknown. */
enum RetrySafety {
  /**
   * Sending it twice does what sending it once does: reads, and posts with an Idempotency-Key (the
   * service replays the first one's answer). Retried after lost connections and every transient
   * refusal.
   */
  REPEATABLE,
  /**
   * Sending it twice may do more, or fail where the first succeeded (an edit, a delete: the second
   * sees the first's version). Retried only after refusals that say nothing was done.
   */
  ONLY_IF_NOT_DONE
}

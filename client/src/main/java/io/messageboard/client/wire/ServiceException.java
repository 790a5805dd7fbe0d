package io.messageboard.client.wire;

/**
 * The service refused a request for a reason the domain has no exception for (a missing or rejected
 * token, a request the client should not have sent, an overload that outlasted the retry deadline),
 * or the cause of a domain exception that came from a problem document. Carries the problem.
 */
public final class ServiceException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient Problem problem;

  public ServiceException(Problem problem) {
    super(problem.toString());
    this.problem = problem;
  }

  /** What the service answered. */
  public Problem problem() {
    return problem;
  }
}

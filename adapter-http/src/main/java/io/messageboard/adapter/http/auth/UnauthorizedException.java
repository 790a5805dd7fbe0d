package io.messageboard.adapter.http.auth;

/** A write arrived without a bearer token, or with one that is not accepted. */
public final class UnauthorizedException extends RuntimeException {

  private final String detail;

  UnauthorizedException(String detail) {
    super(detail);
    this.detail = detail;
  }

  /** Why the write was refused, for the problem document; never the token. */
  public String detail() {
    return detail;
  }
}

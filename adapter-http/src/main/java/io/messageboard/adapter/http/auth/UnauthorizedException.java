package io.messageboard.adapter.http.auth;

/** A write arrived without a bearer token, or with one that is not accepted. */
public final class UnauthorizedException extends RuntimeException {

  UnauthorizedException(String detail) {
    super(detail);
  }
}

package io.messageboard.adapter.http;

/** Hook told about every finished API request; bootstrap plugs metrics and access logs in here. */
@FunctionalInterface
public interface RequestObserver {

  void completed(CompletedRequest request);
}

package io.messageboard.deploy.faults;

import java.util.UUID;

/** Reads and writes in a fixed mix, each write a new message, so every one should succeed. */
final class MixedRequests {

  private MixedRequests() {}

  static LoadLoop.Request readsAndWrites(long sequence) {
    return switch ((int) (sequence % 4)) {
      case 0 -> LoadLoop.Request.get("/api/v1/messages?limit=5");
      case 1 ->
          new LoadLoop.Request(
              "POST", "/api/v1/messages", "{\"text\": \"load " + UUID.randomUUID() + "\"}");
      case 2 -> LoadLoop.Request.get("/");
      default -> LoadLoop.Request.get("/data/1");
    };
  }

  static boolean succeeded(LoadLoop.Outcome outcome) {
    return outcome.status() == 200
        || outcome.status() == 201
        || (outcome.status() == 404 && outcome.request().path().startsWith("/data/"));
  }
}

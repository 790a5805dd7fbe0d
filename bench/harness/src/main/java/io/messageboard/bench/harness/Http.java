package io.messageboard.bench.harness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The few HTTP calls the harness makes itself: readiness, and requests that must succeed. */
final class Http {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private Http() {}

  /** Waits until the URL answers 2xx; fails after the timeout, naming what it waited for. */
  static void awaitOk(String url, Duration timeout, String logs) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!ok(url)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            url + " not ready after " + timeout.toSeconds() + " s (logs: " + logs + ")");
      }
      Pause.of(Duration.ofMillis(50));
    }
  }

  static boolean ok(String url) {
    try {
      HttpResponse<Void> response =
          CLIENT.send(
              HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
              HttpResponse.BodyHandlers.discarding());
      return response.statusCode() / 100 == 2;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static void requireOk(String url) {
    if (!ok(url)) {
      throw new IllegalStateException(url + " did not answer 2xx");
    }
  }

  static <T> HttpResponse<T> get(String url, HttpResponse.BodyHandler<T> body) {
    try {
      return CLIENT.send(HttpRequest.newBuilder(URI.create(url)).build(), body);
    } catch (IOException e) {
      throw new IllegalStateException("GET " + url + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

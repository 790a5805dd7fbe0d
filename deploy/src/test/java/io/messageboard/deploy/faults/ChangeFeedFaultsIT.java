package io.messageboard.deploy.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.messageboard.adapter.http.contract.ApiClient;
import io.messageboard.adapter.http.contract.EventStream;
import io.messageboard.deploy.e2e.StackUnderTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The change feed when things break: a listener whose replica is killed resumes through nginx with
 * Last-Event-ID and misses nothing and sees nothing twice; an idle stream outlives twice nginx's
 * read timeout, and a reload ends it within nginx's worker_shutdown_timeout after which it resumes
 * as well. This suite is the only writer while it runs, so the feed's positions of its own writes
 * are consecutive.
 */
class ChangeFeedFaultsIT {

  private static final Duration WAIT = Duration.ofSeconds(15);
  // The feed's heartbeat (15 s of nothing to send), plus slack for the stream's threads and nginx.
  private static final Duration HEARTBEAT_WAIT = Duration.ofSeconds(20);
  // nginx's proxy_read_timeout for the stream (messageboard.conf), and its worker_shutdown_timeout.
  private static final Duration NGINX_READ_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration WORKER_SHUTDOWN_TIMEOUT = Duration.ofSeconds(20);

  private final LocalStack local = new LocalStack(StackUnderTest.fromSystemProperties());
  private final ApiClient nginx = local.stack().client(local.stack().baseUrl());

  private void post(String text) {
    assertThat(nginx.post("/api/v1/messages", "{\"text\": \"" + text + "\"}").status())
        .isEqualTo(201);
  }

  private static long position(EventStream.Event event) {
    return Long.parseLong(event.id());
  }

  @Test
  void aListenerWhoseReplicaIsKilledResumesThroughNginxWithoutAGapOrARepeat() throws Exception {
    List<Long> positions = new ArrayList<>();
    String servedBy;
    try (EventStream stream = EventStream.open(local.stack().baseUrl(), Map.of())) {
      servedBy = stream.response().headers().firstValue("X-Served-By").orElseThrow();
      for (int i = 0; i < 5; i++) {
        post("before the kill " + i);
        EventStream.Event event = stream.nextEvent(WAIT);
        assertThat(event).isNotNull();
        positions.add(position(event));
      }
      long pid = local.pid(servedBy);
      long killedAt = System.nanoTime();
      local.kill(pid, "KILL");
      for (int i = 0; i < 5; i++) {
        post("after the kill " + i);
      }
      assertThat(stream.endsWithin(WAIT)).as("the stream of the killed %s ends", servedBy).isTrue();
      local.awaitRestartedAndReady(servedBy, pid, killedAt);
    }
    String lastId = Long.toString(positions.get(positions.size() - 1));
    try (EventStream resumed =
        EventStream.open(local.stack().baseUrl(), Map.of("Last-Event-ID", lastId))) {
      for (int i = 0; i < 5; i++) {
        EventStream.Event event = resumed.nextEvent(WAIT);
        assertThat(event).as("event %d after resuming from %s", i, lastId).isNotNull();
        positions.add(position(event));
      }
      assertThat(resumed.nextEvent(Duration.ofSeconds(2))).as("nothing more").isNull();
    }

    long first = positions.get(0);
    List<Long> consecutive = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      consecutive.add(first + i);
    }
    assertThat(positions).isEqualTo(consecutive);
  }

  @Test
  void anIdleStreamOutlivesTwiceTheReadTimeoutAndResumesAfterAReloadEndsIt() throws Exception {
    try (EventStream stream = EventStream.open(local.stack().baseUrl(), Map.of())) {
      long deadline =
          System.nanoTime() + NGINX_READ_TIMEOUT.multipliedBy(2).plusSeconds(5).toNanos();
      int heartbeats = 0;
      while (System.nanoTime() < deadline) {
        EventStream.Event comment = stream.next(HEARTBEAT_WAIT);
        assertThat(comment).as("a heartbeat within %s", HEARTBEAT_WAIT).isNotNull();
        heartbeats++;
      }
      post("after an idle minute");
      EventStream.Event afterIdle = stream.nextEvent(WAIT);
      assertThat(afterIdle).as("the event after %d heartbeats", heartbeats).isNotNull();

      local.reloadNginx();
      post("after the reload");
      EventStream.Event afterReload = stream.nextEvent(WAIT);
      assertThat(afterReload).as("the old worker still passes events on").isNotNull();
      assertThat(position(afterReload)).isEqualTo(position(afterIdle) + 1);
      assertThat(stream.endsWithin(WORKER_SHUTDOWN_TIMEOUT.plusSeconds(10)))
          .as("the old worker ends the stream within its shutdown timeout")
          .isTrue();

      post("while reconnecting");
      try (EventStream resumed =
          EventStream.open(local.stack().baseUrl(), Map.of("Last-Event-ID", afterReload.id()))) {
        EventStream.Event missed = resumed.nextEvent(WAIT);
        assertThat(missed).isNotNull();
        assertThat(position(missed)).isEqualTo(position(afterReload) + 1);
      }
    }
  }
}

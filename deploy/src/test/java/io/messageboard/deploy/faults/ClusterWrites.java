package io.messageboard.deploy.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The writes a cluster fault test makes through nginx, and what it checks on every node afterwards.
 *
 * <p>A quarter of the requests read a page; a quarter POST a new message with a client-chosen id;
 * half continue one of a few chains of {@code If-Match} PUTs, each PUT's text naming the version it
 * creates, so the stored text of any version is known. They come in pairs that two workers send at
 * once with the same {@code If-Match}: the loser must get 412, and no (id, version) may be
 * acknowledged twice. After an answer that leaves a chain's version in doubt, the chain reads its
 * message before it writes again.
 */
final class ClusterWrites {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String COLLECTION = "/api/v1/messages";
  private static final int CHAINS = 8;

  /** What became of one request. */
  enum Verdict {
    ACKNOWLEDGED,
    REFUSED,
    OUTCOME_UNKNOWN
  }

  private record Acknowledged(long id, long version, String text) {}

  private static final class Chain {
    final long id;
    final AtomicLong knownVersion = new AtomicLong(1);
    final AtomicBoolean inDoubt = new AtomicBoolean();
    final AtomicLong unsettledWrites = new AtomicLong();

    Chain(long id) {
      this.id = id;
    }
  }

  private final LocalStack local;
  private final long firstId;
  private final Map<Long, Chain> chains = new HashMap<>();
  private final List<Acknowledged> acknowledged = Collections.synchronizedList(new ArrayList<>());
  private final Map<Integer, Long> refusedByStatus = Collections.synchronizedMap(new TreeMap<>());
  private final AtomicLong writesSent = new AtomicLong();
  private final AtomicLong outcomeUnknown = new AtomicLong();
  private final AtomicLong refusedWith503AndRetryAfter = new AtomicLong();
  private final AtomicLong readsSent = new AtomicLong();
  private final AtomicLong readsFailed = new AtomicLong();
  private final List<Long> acknowledgedAtNanos = Collections.synchronizedList(new ArrayList<>());

  ClusterWrites(LocalStack local) {
    this.local = local;
    this.firstId = ThreadLocalRandom.current().nextLong(100_000_000L, 1_000_000_000L);
  }

  /** Posts the messages the PUT chains edit; call before the load starts. */
  ClusterWrites postChains() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    for (long id = firstId; id < firstId + CHAINS; id++) {
      LoadLoop.Request request = post(id);
      long started = System.nanoTime();
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(local.stack().baseUrl() + COLLECTION))
                  .header("Content-Type", "application/json")
                  .header("Authorization", "Bearer " + local.stack().apiToken())
                  .POST(HttpRequest.BodyPublishers.ofString(request.body()))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as("chain message %d posted", id).isEqualTo(201);
      chains.put(id, new Chain(id));
      observe(new LoadLoop.Outcome(request, 201, started, 0, response.body(), null, false));
    }
    return this;
  }

  /** The load this workload makes: {@code workers} each sending {@code perSecond} requests. */
  LoadLoop load(int workers, int perSecond) {
    assertThat(chains).as("chains posted first").hasSize(CHAINS);
    return new LoadLoop(
            local.stack().baseUrl(), local.stack().apiToken(), workers, perSecond, this::next)
        .observing(this::observe);
  }

  static String text(long id, long version) {
    return "cluster fault message " + id + " version " + version;
  }

  private LoadLoop.Request next(long sequence) {
    // Steps 2 and 3 of each four go to two workers at once with the same If-Match: a race.
    return switch ((int) (sequence % 4)) {
      case 0 -> LoadLoop.Request.get(COLLECTION + "?limit=5");
      case 1 -> post(firstId + CHAINS + sequence);
      default -> chainStep(chains.get(firstId + (sequence / 4) % CHAINS));
    };
  }

  private static LoadLoop.Request post(long id) {
    return new LoadLoop.Request(
        "POST", COLLECTION, "{\"id\": " + id + ", \"text\": \"" + text(id, 1) + "\"}");
  }

  private static LoadLoop.Request chainStep(Chain chain) {
    String item = COLLECTION + "/" + chain.id;
    if (chain.inDoubt.get()) {
      return LoadLoop.Request.get(item);
    }
    long version = chain.knownVersion.get();
    return new LoadLoop.Request(
        "PUT",
        item,
        "{\"text\": \"" + text(chain.id, version + 1) + "\"}",
        Map.of("If-Match", "\"" + version + "\""));
  }

  /** The 503 whose problem type says the write may or may not have happened. */
  static boolean outcomeUnknown(LoadLoop.Outcome outcome) {
    if (outcome.status() != 503) {
      return false;
    }
    try {
      JsonNode type = JSON.readTree(outcome.body()).path("type");
      return type.asText().endsWith("outcome-unknown");
    } catch (IOException e) {
      return false;
    }
  }

  static Verdict verdict(LoadLoop.Outcome outcome) {
    int status = outcome.status();
    if (status == 200 || status == 201) {
      return Verdict.ACKNOWLEDGED;
    }
    return outcomeUnknown(outcome) ? Verdict.OUTCOME_UNKNOWN : Verdict.REFUSED;
  }

  private void observe(LoadLoop.Outcome outcome) {
    LoadLoop.Request request = outcome.request();
    if (request.method().equals("GET")) {
      readsSent.incrementAndGet();
      if (outcome.status() != 200) {
        readsFailed.incrementAndGet();
      } else if (!request.path().contains("?")) {
        Chain chain = chains.get(idOf(request.path()));
        chain.knownVersion.set(json(outcome).get("version").asLong());
        chain.inDoubt.set(false);
      }
      return;
    }
    writesSent.incrementAndGet();
    Chain chain = request.method().equals("PUT") ? chains.get(idOf(request.path())) : null;
    switch (verdict(outcome)) {
      case ACKNOWLEDGED -> {
        JsonNode message = json(outcome);
        long version = message.get("version").asLong();
        acknowledged.add(
            new Acknowledged(message.get("id").asLong(), version, message.get("text").asText()));
        acknowledgedAtNanos.add(outcome.answeredNanos());
        if (chain != null) {
          chain.knownVersion.accumulateAndGet(version, Math::max);
        }
      }
      case OUTCOME_UNKNOWN -> {
        outcomeUnknown.incrementAndGet();
        doubt(chain);
      }
      case REFUSED -> {
        refusedByStatus.merge(outcome.status(), 1L, Long::sum);
        if (outcome.status() == 503 && outcome.retryAfter() != null) {
          refusedWith503AndRetryAfter.incrementAndGet();
        }
        // A 412 changed nothing but says the chain's version is stale; another 4xx changed
        // nothing; anything else (a dropped connection, a 502) may have written.
        if (outcome.status() == 412 && chain != null) {
          chain.inDoubt.set(true);
        } else if (outcome.status() < 400 || outcome.status() >= 500) {
          doubt(chain);
        }
      }
    }
  }

  private static void doubt(Chain chain) {
    if (chain != null) {
      chain.unsettledWrites.incrementAndGet();
      chain.inDoubt.set(true);
    }
  }

  private static long idOf(String path) {
    return Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
  }

  private static JsonNode json(LoadLoop.Outcome outcome) {
    try {
      return JSON.readTree(outcome.body());
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + outcome.body(), e);
    }
  }

  long acknowledgedCount() {
    return acknowledged.size();
  }

  long refusedWith503AndRetryAfter() {
    return refusedWith503AndRetryAfter.get();
  }

  Map<Integer, Long> refusedByStatus() {
    synchronized (refusedByStatus) {
      return new TreeMap<>(refusedByStatus);
    }
  }

  long outcomeUnknownCount() {
    return outcomeUnknown.get();
  }

  long readsFailed() {
    return readsFailed.get();
  }

  /** Writes acknowledged between two instants ({@link System#nanoTime()}). */
  long acknowledgedBetween(long fromNanos, long toNanos) {
    synchronized (acknowledgedAtNanos) {
      return acknowledgedAtNanos.stream().filter(at -> at > fromNanos && at < toNanos).count();
    }
  }

  /**
   * Milliseconds from {@code faultNanos} to the first acknowledgement of a write sent after it: how
   * long writing was impossible; -1 if none was acknowledged.
   */
  long servingResumedMillis(LoadFigures figures, long faultNanos) {
    return figures.outcomes().stream()
        .filter(o -> !o.request().method().equals("GET"))
        .filter(o -> o.startedNanos() > faultNanos && verdict(o) == Verdict.ACKNOWLEDGED)
        .mapToLong(o -> (o.answeredNanos() - faultNanos) / 1_000_000)
        .min()
        .orElse(-1);
  }

  /** The longest time between two consecutive write acknowledgements, in milliseconds. */
  long longestGapBetweenAcknowledgementsMillis() {
    List<Long> times;
    synchronized (acknowledgedAtNanos) {
      times = new ArrayList<>(acknowledgedAtNanos);
    }
    Collections.sort(times);
    long longest = 0;
    for (int i = 1; i < times.size(); i++) {
      longest = Math.max(longest, times.get(i) - times.get(i - 1));
    }
    return longest / 1_000_000;
  }

  /** The figures every cluster fault test prints. */
  String figures() {
    return "writes sent "
        + writesSent.get()
        + ", acknowledged "
        + acknowledged.size()
        + ", refused by status "
        + refusedByStatus()
        + " (-1 = connection failed; 503 with Retry-After "
        + refusedWith503AndRetryAfter.get()
        + "), outcome unknown "
        + outcomeUnknown.get()
        + "; reads sent "
        + readsSent.get()
        + ", failed "
        + readsFailed.get()
        + "; longest time without an acknowledged write "
        + longestGapBetweenAcknowledgementsMillis()
        + " ms";
  }

  /** How many rows differ from the first node's on each other node, and the first few ids. */
  private static Map<String, String> differingRows(ClusterNodes nodes) {
    Map<String, String> differing = new TreeMap<>();
    String first = nodes.names().get(0);
    Map<Long, String> reference = nodes.rowDigests(first);
    for (String node : nodes.names().subList(1, nodes.names().size())) {
      Map<Long, String> digests = nodes.rowDigests(node);
      Set<Long> ids = new TreeSet<>(reference.keySet());
      ids.addAll(digests.keySet());
      ids.removeIf(id -> Objects.equals(reference.get(id), digests.get(id)));
      differing.put(
          node + " vs " + first, ids.size() + " rows, first ids " + ids.stream().limit(5).toList());
    }
    return differing;
  }

  /**
   * Once every node is Synced and has applied the same writes: on each node, every acknowledged
   * write is there with its text and version (a chain may be further on by as many versions as
   * answers left in doubt), no (id, version) was acknowledged twice, and {@code CHECKSUM TABLE} is
   * the same on all of them. Prints what it found.
   */
  void checkOnEveryNode(ClusterNodes nodes) {
    long started = System.nanoTime();
    long syncedMillis = nodes.awaitAllSynced(Duration.ofMinutes(3), started);
    await()
        .atMost(Duration.ofMinutes(1))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> Set.copyOf(nodes.lastCommitted().values()).size() == 1);
    List<Acknowledged> writes;
    synchronized (acknowledged) {
      writes = List.copyOf(acknowledged);
    }
    Map<Long, Long> lastAcknowledged = new HashMap<>();
    Set<String> seen = new HashSet<>();
    List<String> acknowledgedTwice = new ArrayList<>();
    for (Acknowledged write : writes) {
      lastAcknowledged.merge(write.id(), write.version(), Math::max);
      if (!seen.add(write.id() + "@" + write.version())) {
        acknowledgedTwice.add(write.id() + " version " + write.version());
      }
      assertThat(write.text()).as("acknowledged text").isEqualTo(text(write.id(), write.version()));
    }
    long lastId = writes.stream().mapToLong(Acknowledged::id).max().orElse(firstId);
    Map<String, List<String>> missingPerNode = new TreeMap<>();
    for (String node : nodes.names()) {
      Map<Long, ClusterNodes.StoredMessage> stored = nodes.messages(node, firstId, lastId);
      List<String> missing = new ArrayList<>();
      lastAcknowledged.forEach(
          (id, version) -> {
            ClusterNodes.StoredMessage message = stored.get(id);
            Chain chain = chains.get(id);
            long mayBeAhead = chain == null ? 0 : chain.unsettledWrites.get();
            if (message == null
                || message.version() < version
                || message.version() > version + mayBeAhead
                || !message.text().equals(text(id, message.version()))) {
              missing.add(id + " version " + version + ": stored " + message);
            }
          });
      missingPerNode.put(node, missing);
    }
    Map<String, String> checksums = nodes.checksums();
    System.out.printf(
        "[fault]   every node Synced %d ms after the load ended; on each of %s: acknowledged"
            + " writes (last version per message) %d, missing or different %s; (id, version)"
            + " acknowledged twice %d; CHECKSUM TABLE messages %s%n",
        syncedMillis,
        nodes.names(),
        lastAcknowledged.size(),
        missingPerNode.entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue().size())
            .toList(),
        acknowledgedTwice.size(),
        checksums);
    if (Set.copyOf(checksums.values()).size() > 1) {
      System.out.println("[fault]   rows that differ between nodes: " + differingRows(nodes));
    }
    missingPerNode.forEach(
        (node, missing) ->
            assertThat(missing).as("acknowledged writes lost on %s", node).isEmpty());
    assertThat(acknowledgedTwice).as("(id, version) acknowledged twice").isEmpty();
    assertThat(Set.copyOf(checksums.values())).as("checksums %s", checksums).hasSize(1);
  }
}

package io.messageboard.domain.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.messageboard.domain.failure.DuplicateMessageIdException;
import io.messageboard.domain.model.Message;
import io.messageboard.domain.model.MessageId;
import io.messageboard.domain.model.MessagePage;
import io.messageboard.domain.model.MessageText;
import io.messageboard.domain.model.NewMessage;
import io.messageboard.domain.model.PageRequest;
import io.messageboard.domain.model.ReplicaId;
import io.messageboard.testing.ConcurrentCalls;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Behaviour every {@link MessageRepository} must have. Each implementation's test extends this
 * class and supplies an empty repository.
 */
public abstract class MessageRepositoryContract {

  protected static final ReplicaId REPLICA = new ReplicaId("replica-1");
  protected static final Instant CREATED = Instant.parse("2026-01-02T03:04:05.678Z");

  private MessageRepository repository;

  /** Subclassed once per repository implementation. */
  protected MessageRepositoryContract() {}

  /** A repository holding no messages, fresh for each test. */
  protected abstract MessageRepository emptyRepository();

  @BeforeEach
  void startEmpty() {
    repository = emptyRepository();
  }

  protected static NewMessage newMessage(@Nullable Integer id, String text) {
    return new NewMessage(
        Optional.ofNullable(id).map(MessageId::new), new MessageText(text), REPLICA, CREATED);
  }

  @Test
  void storesAMessageUnderTheRequestedIdAndReadsItBackWhole() {
    Message stored = repository.add(newMessage(42, "hello"));

    assertThat(stored.id()).isEqualTo(new MessageId(42));
    assertThat(stored.version()).isEqualTo(1);
    assertThat(stored.createdAt()).isEqualTo(CREATED).isEqualTo(stored.updatedAt());
    assertThat(repository.findById(new MessageId(42))).contains(stored);
  }

  @Test
  void findsNothingUnderAnUnknownId() {
    repository.add(newMessage(1, "one"));

    assertThat(repository.findById(new MessageId(2))).isEmpty();
  }

  @Test
  void assignsIncreasingIdsWhenNoneIsRequested() {
    Message first = repository.add(newMessage(null, "first"));
    Message second = repository.add(newMessage(null, "second"));

    assertThat(second.id()).isGreaterThan(first.id());
    assertThat(repository.findById(second.id())).contains(second);
  }

  @Test
  void skipsIdsAClientAlreadyTookWhenAssigning() {
    int first = repository.add(newMessage(null, "assigned")).id().value();
    repository.add(newMessage(first + 1, "chosen"));
    repository.add(newMessage(first + 2, "chosen too"));

    Message next = repository.add(newMessage(null, "assigned again"));

    assertThat(next.id().value()).isEqualTo(first + 3);
    assertThat(repository.findById(new MessageId(first + 1)).orElseThrow().text())
        .isEqualTo("chosen");
  }

  @Test
  void aClientTakingTheLargestIdNeverBlocksAssignment() {
    repository.add(newMessage(Integer.MAX_VALUE, "the last id"));

    List<Integer> assigned = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      assigned.add(repository.add(newMessage(null, "assigned " + i)).id().value());
    }

    assertThat(assigned).doesNotHaveDuplicates().doesNotContain(Integer.MAX_VALUE);
    assertThat(assigned).allSatisfy(id -> assertThat(id).isPositive());
    assertThat(repository.findById(new MessageId(assigned.get(999))).orElseThrow().text())
        .isEqualTo("assigned 999");
    assertThat(repository.add(newMessage(5_000, "chosen")).id()).isEqualTo(new MessageId(5_000));
  }

  @Test
  void refusesADuplicateIdAndKeepsTheOriginal() {
    Message original = repository.add(newMessage(7, "original"));

    assertThatThrownBy(() -> repository.add(newMessage(7, "intruder")))
        .isInstanceOf(DuplicateMessageIdException.class);
    assertThat(repository.findById(new MessageId(7))).contains(original);
  }

  @Test
  void pagesThroughMessagesInIdOrderWithoutGapsOrRepeats() {
    IntStream.of(5, 3, 9, 1, 7).forEach(id -> repository.add(newMessage(id, "m" + id)));

    MessagePage first = repository.findPage(PageRequest.first(2));
    MessagePage second = repository.findPage(new PageRequest(first.nextAfter(), 2));
    MessagePage third = repository.findPage(new PageRequest(second.nextAfter(), 2));

    assertThat(ids(first.items())).containsExactly(1, 3);
    assertThat(ids(second.items())).containsExactly(5, 7);
    assertThat(ids(third.items())).containsExactly(9);
    assertThat(third.nextAfter()).isEmpty();
  }

  @Test
  void endsPagingWhenTheLastPageIsExactlyFull() {
    IntStream.rangeClosed(1, 4).forEach(id -> repository.add(newMessage(id, "m" + id)));

    MessagePage page = repository.findPage(new PageRequest(Optional.of(new MessageId(2)), 2));

    assertThat(ids(page.items())).containsExactly(3, 4);
    assertThat(page.nextAfter()).isEmpty();
  }

  @Test
  void returnsAnEmptyPageAfterTheHighestId() {
    repository.add(newMessage(1, "only"));

    MessagePage page =
        repository.findPage(new PageRequest(Optional.of(new MessageId(Integer.MAX_VALUE)), 10));

    assertThat(page.items()).isEmpty();
    assertThat(page.nextAfter()).isEmpty();
  }

  @Test
  void endsAPageEarlyOnceItsTextsReachTheBudgetAndGoesOnFromThere() {
    // 40,000 UTF-8 bytes each: the texts before the seventh come to 240,000 bytes, before the
    // eighth to 280,000, past the 262,144-byte budget.
    String largest = "\uD83D\uDE00".repeat(MessageText.MAX_CODE_POINTS);
    IntStream.rangeClosed(1, 9).forEach(id -> repository.add(newMessage(id, largest)));

    MessagePage first = repository.findPage(PageRequest.first(PageRequest.MAX_LIMIT));
    MessagePage second = repository.findPage(new PageRequest(first.nextAfter(), 500));

    assertThat(ids(first.items())).containsExactly(1, 2, 3, 4, 5, 6, 7);
    assertThat(first.items()).allSatisfy(message -> assertThat(message.text()).isEqualTo(largest));
    assertThat(first.nextAfter()).contains(new MessageId(7));
    assertThat(ids(second.items())).containsExactly(8, 9);
    assertThat(second.nextAfter()).isEmpty();
  }

  @Test
  void handsEveryLargeMessageToTheSinkThoughNoBatchHoldsThemAll() {
    String largest = "\uD83D\uDE00".repeat(MessageText.MAX_CODE_POINTS);
    IntStream.rangeClosed(1, 15).forEach(id -> repository.add(newMessage(id, largest)));
    List<Integer> seen = new ArrayList<>();

    repository.forEachMessage(message -> seen.add(message.id().value()));

    assertThat(seen).containsExactlyElementsOf(IntStream.rangeClosed(1, 15).boxed().toList());
  }

  @Test
  void handsEveryMessageToTheSinkInIdOrder() {
    IntStream.of(30, 10, 20).forEach(id -> repository.add(newMessage(id, "m" + id)));
    List<Message> seen = new ArrayList<>();

    repository.forEachMessage(seen::add);

    assertThat(ids(seen)).containsExactly(10, 20, 30);
  }

  @Test
  void appliesAnEditMadeFromTheStoredVersion() {
    Message stored = repository.add(newMessage(1, "before"));
    Message edited = stored.edit(new MessageText("after"), CREATED.plusSeconds(60));

    assertThat(repository.update(edited)).isTrue();
    assertThat(repository.findById(stored.id())).contains(edited);
    assertThat(edited.version()).isEqualTo(2);
  }

  @Test
  void refusesAnEditMadeFromAStaleVersion() {
    Message stored = repository.add(newMessage(1, "v1"));
    Message second = stored.edit(new MessageText("v2"), CREATED.plusSeconds(1));
    repository.update(second);

    Message stale = stored.edit(new MessageText("lost"), CREATED.plusSeconds(2));

    assertThat(repository.update(stale)).isFalse();
    assertThat(repository.findById(stored.id())).contains(second);
  }

  @Test
  void refusesAnEditOfAMissingMessage() {
    Message ghost = repository.add(newMessage(1, "ghost"));
    repository.delete(ghost.id(), OptionalLong.empty());

    assertThat(repository.update(ghost.edit(new MessageText("boo"), CREATED))).isFalse();
    assertThat(repository.findById(ghost.id())).isEmpty();
  }

  @Test
  void deletesUnconditionallyOnceOnly() {
    repository.add(newMessage(1, "bye"));

    assertThat(repository.delete(new MessageId(1), OptionalLong.empty())).isTrue();
    assertThat(repository.delete(new MessageId(1), OptionalLong.empty())).isFalse();
    assertThat(repository.findById(new MessageId(1))).isEmpty();
  }

  @Test
  void deletesOnlyAtTheExpectedVersion() {
    repository.add(newMessage(1, "v1"));

    assertThat(repository.delete(new MessageId(1), OptionalLong.of(2))).isFalse();
    assertThat(repository.findById(new MessageId(1))).isPresent();
    assertThat(repository.delete(new MessageId(1), OptionalLong.of(1))).isTrue();
    assertThat(repository.findById(new MessageId(1))).isEmpty();
  }

  static Stream<String> awkwardTexts() {
    return Stream.of(
        "emoji 😀👍🏽👨‍👩‍👧",
        "combining e\u0301 a\u0308 n\u0303",
        "right to left: שלום עולם مرحبا",
        "quotes ' \" ` and backslashes \\ \\\\ \\n",
        "'; DROP TABLE messages; --",
        "100% of _under_scores_ %_%",
        "tab\tnewline\ncarriage\rreturn",
        "😀".repeat(MessageText.MAX_CODE_POINTS),
        "x".repeat(MessageText.MAX_CODE_POINTS));
  }

  @ParameterizedTest
  @MethodSource("awkwardTexts")
  void storesTextExactlyAsGiven(String text) {
    Message stored = repository.add(newMessage(1, text));

    assertThat(repository.findById(stored.id()).orElseThrow().text()).isEqualTo(text);
  }

  @Test
  void acceptsExactlyOneOfManyConcurrentAddsOfTheSameId() throws Exception {
    List<Callable<Boolean>> adds = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      String text = "racer " + i;
      adds.add(
          () -> {
            try {
              repository.add(newMessage(99, text));
              return true;
            } catch (DuplicateMessageIdException duplicate) {
              return false;
            }
          });
    }

    assertThat(ConcurrentCalls.runTogether(adds)).containsOnlyOnce(true);
  }

  @Test
  void storesEachOfManyConcurrentAddsUnderAnIdOfItsOwn() throws Exception {
    List<Callable<Boolean>> adds = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      // Half choose their ids (far above the assigned ones), half are assigned one.
      Integer chosen = i % 2 == 0 ? 1_000 + i : null;
      String text = "concurrent " + i;
      adds.add(
          () -> {
            Message stored = repository.add(newMessage(chosen, text));
            return (chosen == null || stored.id().value() == chosen)
                && repository.findById(stored.id()).map(Message::text).equals(Optional.of(text));
          });
    }

    assertThat(ConcurrentCalls.runTogether(adds)).hasSize(40).containsOnly(true);
    assertThat(ids(repository.findPage(new PageRequest(Optional.empty(), 100)).items()))
        .hasSize(40)
        .doesNotHaveDuplicates();
  }

  @Test
  void refusesOnlyTheTakenIdsAmongManyConcurrentAdds() throws Exception {
    for (int id = 1; id <= 5; id++) {
      repository.add(newMessage(id, "first " + id));
    }
    List<Callable<Boolean>> adds = new ArrayList<>();
    for (int i = 1; i <= 30; i++) {
      // Five taken ids, five free ones far above the assigned ones, and twenty to assign.
      Integer chosen = i <= 5 ? Integer.valueOf(i) : i <= 10 ? Integer.valueOf(1_000 + i) : null;
      adds.add(
          () -> {
            try {
              repository.add(newMessage(chosen, "later"));
              return true;
            } catch (DuplicateMessageIdException taken) {
              return false;
            }
          });
    }

    List<Boolean> stored = ConcurrentCalls.runTogether(adds);

    assertThat(stored.subList(0, 5)).containsOnly(false);
    assertThat(stored.subList(5, 30)).containsOnly(true);
    assertThat(repository.findById(new MessageId(3)).orElseThrow().text()).isEqualTo("first 3");
  }

  @Test
  void appliesExactlyOneOfManyConcurrentEditsFromTheSameVersion() throws Exception {
    Message stored = repository.add(newMessage(1, "v1"));
    List<Callable<Boolean>> edits = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      Message edited = stored.edit(new MessageText("edit " + i), CREATED.plusSeconds(i));
      edits.add(() -> repository.update(edited));
    }

    assertThat(ConcurrentCalls.runTogether(edits)).containsOnlyOnce(true);
    assertThat(repository.findById(stored.id()).orElseThrow().version()).isEqualTo(2);
  }

  @Test
  void answersEachOfManyConcurrentReadsByIdWithItsOwnMessage() throws Exception {
    for (int id = 1; id <= 40; id++) {
      repository.add(newMessage(id, "message " + id));
    }
    List<Callable<Boolean>> readers = new ArrayList<>();
    for (int reader = 0; reader < 16; reader++) {
      int first = reader;
      readers.add(
          () -> {
            boolean allRight = true;
            // Ids 41 to 50 do not exist: misses share queries with hits.
            for (int read = 0; read < 25; read++) {
              int id = 1 + (first * 7 + read * 3) % 50;
              Optional<String> text = repository.findById(new MessageId(id)).map(Message::text);
              allRight &= id <= 40 ? text.equals(Optional.of("message " + id)) : text.isEmpty();
            }
            return allRight;
          });
    }

    assertThat(ConcurrentCalls.runTogether(readers)).hasSize(16).containsOnly(true);
  }

  private static List<Integer> ids(List<Message> messages) {
    return messages.stream().map(message -> message.id().value()).toList();
  }
}

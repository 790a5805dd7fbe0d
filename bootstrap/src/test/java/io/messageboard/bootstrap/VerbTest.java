package io.messageboard.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class VerbTest {

  @Test
  void noArgumentsServe() {
    assertThat(Verb.of(List.of())).contains(Verb.SERVE);
  }

  @Test
  void eachVerbIsNamedByItsLowerCaseWord() {
    assertThat(Verb.of(List.of("serve"))).contains(Verb.SERVE);
    assertThat(Verb.of(List.of("migrate"))).contains(Verb.MIGRATE);
  }

  @Test
  void eachVerbSaysWhatItDoes() {
    assertThat(Verb.SERVE.description()).contains("run a replica");
    assertThat(Verb.MIGRATE.description()).contains("schema", "exit");
  }

  @Test
  void anUnknownWordOrMoreThanOneVerbIsNoVerb() {
    assertThat(Verb.of(List.of("MIGRATE"))).isEmpty();
    assertThat(Verb.of(List.of("upgrade"))).isEmpty();
    assertThat(Verb.of(List.of("migrate", "serve"))).isEmpty();
  }
}

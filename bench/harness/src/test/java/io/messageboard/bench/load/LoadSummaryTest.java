package io.messageboard.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.messageboard.bench.Recorded;
import io.messageboard.bench.report.Measurement;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoadSummaryTest {

  @Test
  void readsTheJsonLineAmongWrksOwnReport() {
    LoadSummary summary = LoadSummary.fromOutput(Recorded.text("wrk-get-by-id.txt"));

    assertThat(summary)
        .isEqualTo(new LoadSummary(437, 2035344, 43979, 52184, 212258, 222012, 0, 0));
  }

  @Test
  void countsResponsesOfFourHundredAndMoreAsNon2xx() {
    LoadSummary summary = LoadSummary.fromOutput(Recorded.text("wrk-not-found.txt"));

    assertThat(summary.non2xx()).isEqualTo(584);
    assertThat(summary.requests()).isEqualTo(584);
  }

  @Test
  void givesRequestsPerSecondOverTheMeasuredDuration() {
    LoadSummary summary = LoadSummary.fromOutput(Recorded.text("wrk-get-by-id.txt"));

    // wrk's own "Requests/sec: 214.71" is the same division.
    assertThat(summary.requestsPerSecond()).isCloseTo(214.71, within(0.01));
  }

  @Test
  void recordsLatenciesInMillisecondsWithTheProcessUsage() {
    List<Measurement.ProcessUsage> usage =
        List.of(new Measurement.ProcessUsage("messageboard", 95.5, 150.2));

    Measurement m =
        LoadSummary.fromOutput(Recorded.text("wrk-get-by-id.txt"))
            .toMeasurement("direct", "get-by-id", "messageboard", 2, usage);

    assertThat(m.p50()).isCloseTo(43.979, within(1e-9));
    assertThat(m.p99()).isCloseTo(212.258, within(1e-9));
    assertThat(m.max()).isCloseTo(222.012, within(1e-9));
    assertThat(m.round()).isEqualTo(2);
    assertThat(m.requests()).isEqualTo(437);
    assertThat(m.processes()).isEqualTo(usage);
  }

  @Test
  void readsTheRawLoopsLineAsWell() {
    LoadSummary summary =
        LoadSummary.fromOutput(
            "{\"requests\":100,\"durationUs\":2000000,\"p50Us\":150,\"p90Us\":300,\"p99Us\":900,"
                + "\"maxUs\":1200,\"non2xx\":1,\"socketErrors\":1}\n");

    assertThat(summary.requestsPerSecond()).isEqualTo(50.0);
    assertThat(summary.socketErrors()).isEqualTo(1);
  }

  @Test
  void refusesOutputWithoutASummary() {
    assertThatThrownBy(() -> LoadSummary.fromOutput("unable to connect to 127.0.0.1:18080\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("found 0");
  }

  @Test
  void refusesASummaryWithAFieldMissing() {
    assertThatThrownBy(() -> LoadSummary.fromOutput("{\"requests\":1}\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unreadable");
  }
}

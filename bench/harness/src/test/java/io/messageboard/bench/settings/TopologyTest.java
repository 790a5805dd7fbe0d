package io.messageboard.bench.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class TopologyTest {

  private static final String TOPOLOGY =
      """
      # ROLE NAME ADDRESS PORT [SECOND_PORT]
      nginx     nginx    127.0.0.1  8000  8001
      replica   app-1    127.0.0.1  8081  9081
      replica   app-2    127.0.0.1  8082  9082
      database  mariadb  127.0.0.1  3307
      """;

  @Test
  void givesNginxAsThePublicPort() {
    assertThat(Topology.parse(TOPOLOGY).nginx().port()).isEqualTo(8000);
  }

  @Test
  void givesTheReplicasWithTheirManagementPortSecond() {
    assertThat(Topology.parse(TOPOLOGY).replicas())
        .extracting(Topology.Endpoint::name, Topology.Endpoint::port, Topology.Endpoint::second)
        .containsExactly(
            tuple("app-1", 8081, OptionalInt.of(9081)), tuple("app-2", 8082, OptionalInt.of(9082)));
  }

  @Test
  void leavesTheSecondPortOutWhereALineHasNone() {
    assertThat(Topology.parse(TOPOLOGY).database().second()).isEmpty();
  }

  @Test
  void givesTheFirstNodeOfAClusterAsTheDatabase() {
    String cluster =
        TOPOLOGY.replace(
            "database  mariadb  127.0.0.1  3307\n",
            "database db-1 127.0.0.11 3306 4567\ndatabase db-2 127.0.0.12 3306 4567\n");

    assertThat(Topology.parse(cluster).database().name()).isEqualTo("db-1");
  }

  @Test
  void refusesATopologyWithoutADatabase() {
    assertThatThrownBy(() -> Topology.parse("nginx nginx 127.0.0.1 8000\n").database())
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void refusesALineWithTooFewColumns() {
    assertThatThrownBy(() -> Topology.parse("nginx nginx 127.0.0.1\n"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesAskingForTheOneEndpointOfARoleThatHasSeveral() {
    assertThatThrownBy(() -> Topology.parse(TOPOLOGY).only("replica"))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void readsTheRepositorysFile() throws IOException {
    Topology topology = Topology.read(new RuntimeFiles(Path.of("../..")).topology());

    assertThat(topology.replicas()).isNotEmpty().allMatch(r -> r.second().isPresent());
    assertThat(topology.nginx().port()).isPositive();
    assertThat(topology.database().port()).isPositive();
  }
}

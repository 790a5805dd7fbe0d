package io.messageboard.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PortsTest {

  @Test
  void keepsTheHarnessPortsApartFromTheLocalStacks() {
    Ports ports = new Ports(0);

    assertThat(ports.mariadb()).isEqualTo(3316);
    assertThat(ports.product()).isEqualTo(18080);
    assertThat(ports.productManagement()).isEqualTo(19080);
    assertThat(ports.thinBaseline()).isEqualTo(18081);
    assertThat(ports.springPeer()).isEqualTo(18082);
    assertThat(ports.probe()).isEqualTo(18083);
    assertThat(ports.probeManagement()).isEqualTo(19083);
    assertThat(ports.scaleBoard()).isEqualTo(18084);
    assertThat(ports.scaleBoardManagement()).isEqualTo(19084);
  }

  @Test
  void shiftsEveryPortByTheOffset() {
    Ports ports = new Ports(100);

    assertThat(ports.mariadb()).isEqualTo(3416);
    assertThat(ports.springPeer()).isEqualTo(18182);
    assertThat(ports.probeManagement()).isEqualTo(19183);
  }
}

package io.messageboard.client.contract;

import io.messageboard.application.MessageBoard;
import io.messageboard.client.testing.LiveBoard;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The contract against the in-process board: the behaviour the client must reproduce. */
class InProcessDrivingPortsTest extends DrivingPortsContract {

  private static LiveBoard live;

  @BeforeAll
  static void start() {
    live = LiveBoard.start();
  }

  @AfterAll
  static void stop() {
    live.close();
  }

  @Override
  protected DrivingPorts ports() {
    MessageBoard board = live.board();
    return new DrivingPorts(
        board.post(),
        board.postOnce(),
        board.get(),
        board.edit(),
        board.delete(),
        board.list(),
        live.feed());
  }
}

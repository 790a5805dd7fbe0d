-- The change feed's log: one row per created, edited or deleted message, inserted by the transaction
-- that makes the change, so a change that commits is in the log and one that rolls back is not.
--
-- Its order is `feed_position`, given after commit, never `id`. `id` (AUTO_INCREMENT) is taken when the row
-- is inserted, before its transaction commits: a reader following `id` could pass over a row whose
-- transaction commits after a higher one's, and miss it for good. So a row starts without a position,
-- and a sequencing transaction gives positions to committed rows only: it locks the one row of
-- message_event_positions, numbers the rows without a position that it can lock (SKIP LOCKED passes
-- over rows of transactions still open; a later run numbers them), stores the last number given, and
-- commits. Sequencing transactions hold that lock one at a time, so when a reader sees position N
-- committed, every position below N was committed by an earlier sequencing transaction: a reader that
-- follows `feed_position` never skips one. Any replica may sequence; each does after its own writes and
-- on a timer, so a replica that dies between its commit and its sequencing delays its rows by one
-- tick at most.
--
-- Per message the order holds too: a change to a message starts after the change before it
-- committed, so its row is inserted later and never numbered before it.
--
-- The message columns hold the message as the change left it (NULL text for a deletion), so an
-- event says what happened then, whatever happened to the message since. recorded_at is the
-- database's time of the change, for the feed's commit-to-send lag and for retention.
CREATE TABLE message_events (
  id BIGINT NOT NULL AUTO_INCREMENT,
  feed_position BIGINT NULL,
  kind TINYINT NOT NULL,
  clid INT NOT NULL,
  version BIGINT NOT NULL,
  mess TEXT NULL,
  sid TEXT NULL,
  created_at DATETIME(3) NULL,
  updated_at DATETIME(3) NULL,
  recorded_at DATETIME(6) NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY message_events_feed_position (feed_position),
  KEY message_events_recorded_at (recorded_at)
) ENGINE = InnoDB DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;

-- The last position given. One row, locked by each sequencing transaction.
CREATE TABLE message_event_positions (
  id TINYINT NOT NULL,
  last_position BIGINT NOT NULL,
  PRIMARY KEY (id)
) ENGINE = InnoDB;

INSERT INTO message_event_positions (id, last_position) VALUES (1, 0);

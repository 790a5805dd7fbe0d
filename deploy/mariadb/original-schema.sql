-- The original system's database, as its init script created it: the messages table and its three
-- demo rows. The local stack loads it into an empty database so that the replicas adopt an existing
-- table, as they do when they replace the original system.
CREATE TABLE messages (
  clid INT NOT NULL,
  mess TEXT NOT NULL,
  sid TEXT NOT NULL,
  PRIMARY KEY (clid)
);

INSERT INTO messages (clid, mess, sid) VALUES
  (1, 'Hello, World!', 'init'),
  (2, 'This is a test message.', 'init'),
  (3, 'Replicated message board.', 'init');

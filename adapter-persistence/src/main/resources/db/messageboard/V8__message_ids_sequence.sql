-- Ids for messages posted without one come from this sequence instead of AUTO_INCREMENT. AUTO_INCREMENT
-- follows the highest id in the table, so one client posting id 2147483647 used to leave no id to assign;
-- the sequence moves only when it hands out an id, and the service skips ids clients already took (the
-- primary key decides, the sequence only says where to look next).
-- Galera replicates a sequence correctly only with NOCACHE on InnoDB, and INCREMENT BY 0 makes each node
-- step by its auto_increment_increment/offset (wsrep_auto_increment_control), so nodes never hand out the
-- same value; on a single server that step is 1.
-- Expand/contract: clid keeps AUTO_INCREMENT, so that a replica of the previous release, which inserts
-- without an id, keeps working during a rollout; its ids and the sequence's meet at the primary key.
CREATE SEQUENCE message_ids START WITH 1 MINVALUE 1 MAXVALUE 2147483647 INCREMENT BY 0 NOCACHE NOCYCLE
  ENGINE=InnoDB;

-- Start past the ids in use (SETVAL takes literals only). A row already holding 2147483647 is left out: the
-- sequence resumes below it rather than at the end of the range.
SET @highest_assignable = (SELECT COALESCE(MAX(clid), 0) FROM messages WHERE clid < 2147483647);
EXECUTE IMMEDIATE IF(@highest_assignable > 0,
  CONCAT('SELECT SETVAL(message_ids, ', @highest_assignable, ')'), 'DO 0');

-- Expand step: a completed key records the message its post created, as created (id, text, replica,
-- timestamps, version), instead of the HTTP response rendered from it; the HTTP adapter renders the
-- replay from the message, so nothing is serialised while the key's row is locked and the schema
-- knows no status, header or body. New replicas write the message_* columns and leave response_*
-- NULL.
--
-- Rows with a response_* (written before this migration, or during a rollout by a replica of the
-- previous release) are not converted: they stay replayable as they are, read through the same
-- expressions (JdbiIdempotencyKeyRepository reads the message out of response_body, the JSON of that
-- message, when message_id is NULL). The contract step, a later migration, drops response_* once no
-- replica of the previous release runs and every row it wrote has passed its expiry (the key TTL,
-- 24h by default).
--
-- Only nullable columns: MariaDB adds them in place, without copying the table. One statement, so
-- that MariaDB applies all of it or none.
ALTER TABLE idempotency_keys
  ADD COLUMN message_id INT NULL,
  ADD COLUMN message_text TEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
  ADD COLUMN message_replica TEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
  ADD COLUMN message_created_at DATETIME(3) NULL,
  ADD COLUMN message_updated_at DATETIME(3) NULL,
  ADD COLUMN message_version BIGINT NULL;

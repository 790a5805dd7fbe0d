-- Idempotency keys of POST /api/v1/messages, shared by every replica. A row is written when a request
-- takes its key (response_status NULL: in flight, held until expires_at, its lease) and completed in
-- the transaction that inserts the message (response_* set, kept until expires_at, the key's TTL).
-- Rows past expires_at count as absent and are deleted in small batches through the expires_at index.
CREATE TABLE idempotency_keys (
  idempotency_key VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  fingerprint CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  claim_token CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  claimed_by VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  response_status SMALLINT NULL,
  response_headers TEXT NULL,
  response_body MEDIUMTEXT NULL,
  created_at DATETIME(3) NOT NULL,
  expires_at DATETIME(3) NOT NULL,
  PRIMARY KEY (idempotency_key),
  KEY idempotency_keys_expires_at (expires_at)
) ENGINE = InnoDB DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;

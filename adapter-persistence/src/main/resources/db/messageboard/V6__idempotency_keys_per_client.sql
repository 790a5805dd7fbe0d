-- Idempotency keys are scoped per client (the IETF httpapi idempotency-key draft): the same key sent
-- by two clients names two requests. client_scope is derived from the bearer token that authorised the
-- request (never the token itself), or 'anonymous' when writes need no token. Rows written before
-- this migration get 'anonymous': with tokens off they keep replaying as before; with tokens on no
-- request carries that scope, so they only wait for their expiry and the purge. One statement, so
-- that MariaDB applies all of it or none.
ALTER TABLE idempotency_keys
  ADD COLUMN client_scope VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL
    DEFAULT 'anonymous' FIRST,
  DROP PRIMARY KEY,
  ADD PRIMARY KEY (client_scope, idempotency_key);

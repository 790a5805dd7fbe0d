-- Creation and last-edit time in UTC with millisecond precision, and the optimistic-concurrency version.
-- Rows adopted from the seed get the migration time as both timestamps and version 1.
SET time_zone = '+00:00';
ALTER TABLE messages
  ADD COLUMN created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  ADD COLUMN updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  ADD COLUMN version BIGINT NOT NULL DEFAULT 1;

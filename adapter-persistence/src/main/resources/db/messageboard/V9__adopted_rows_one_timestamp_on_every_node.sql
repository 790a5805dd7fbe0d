-- V3 gave the rows the table already held the migration time through DEFAULT CURRENT_TIMESTAMP(3). On a
-- Galera cluster every node runs a schema change itself (total order isolation), each reading its own
-- clock, so those rows' timestamps differ between nodes by the milliseconds between them and CHECKSUM TABLE
-- disagrees. This gives them one value, V3's recorded install time (to the second, which Flyway keeps):
-- an UPDATE replicates the rows it changed as images, so every node stores what the migrating node wrote.
-- Only rows V3 stamped qualify: never edited, both timestamps equal and no later than V3's install second.
-- On a single server the update only rounds those rows' timestamps down to that second.
SET time_zone = '+00:00';
SET @v3_installed_on = (SELECT installed_on FROM `${flyway:table}` WHERE version = '3');
UPDATE messages SET created_at = @v3_installed_on, updated_at = @v3_installed_on
  WHERE version = 1 AND created_at = updated_at AND created_at < @v3_installed_on + INTERVAL 1 SECOND;

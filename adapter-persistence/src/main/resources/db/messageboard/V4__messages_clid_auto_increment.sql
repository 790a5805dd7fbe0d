-- Ids for messages posted without one; client-chosen ids keep working and push the counter past them.
ALTER TABLE messages MODIFY clid INT NOT NULL AUTO_INCREMENT;

-- The seed's table, exactly as its init.sql created it. A seed database already holding it is baselined at
-- this version instead of running it.
CREATE TABLE messages (
  clid INT NOT NULL,
  mess TEXT NOT NULL,
  sid TEXT NOT NULL,
  PRIMARY KEY (clid)
);

-- Every Unicode code point (emoji included) is stored; the binary collation keeps text byte-exact.
ALTER TABLE messages CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;

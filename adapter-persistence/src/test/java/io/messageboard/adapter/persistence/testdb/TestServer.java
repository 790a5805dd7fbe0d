package io.messageboard.adapter.persistence.testdb;

/** A MariaDB server tests may create databases on. */
interface TestServer {

  TestDatabase createDatabase(String name);

  String description();
}

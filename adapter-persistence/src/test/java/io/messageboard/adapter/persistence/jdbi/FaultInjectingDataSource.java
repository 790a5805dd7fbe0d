package io.messageboard.adapter.persistence.jdbi;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransactionRollbackException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.Set;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * A data source over a real MariaDB that makes the next connections fail the way a Galera node
 * does, with the exceptions Connector/J raises for it (class, SQL state and error code as observed
 * against MariaDB 10.11 with Galera 26.4). Each queued fault hits one connection once.
 */
final class FaultInjectingDataSource implements DataSource {

  /** What goes wrong, and when. */
  enum Fault {
    /**
     * Galera's certification failure at COMMIT: the transaction is rolled back and COMMIT answers
     * 1213 / 40001.
     */
    CERTIFICATION_FAILURE_AT_COMMIT,
    /** A node outside the primary component: the first statement answers 1047 / 08S01, unrun. */
    NODE_NOT_READY,
    /** The COMMIT reaches the server and is applied, but its answer is lost with the socket. */
    CONNECTION_LOST_AFTER_COMMIT,
    /** The socket dies while COMMIT is out, before the server applied it. */
    CONNECTION_LOST_BEFORE_COMMIT,
    /** The socket dies while an auto-committed statement is out, after the server applied it. */
    CONNECTION_LOST_AFTER_STATEMENT,
    /** The socket dies as the first statement is sent, before the server saw it. */
    CONNECTION_LOST_BEFORE_STATEMENT
  }

  private static final Set<String> EXECUTIONS = Set.of("execute", "executeQuery", "executeUpdate");

  private final DataSource real;
  private final Deque<Fault> faults = new ArrayDeque<>();

  FaultInjectingDataSource(DataSource real) {
    this.real = real;
  }

  /** Queues {@code fault} for the next connection handed out. */
  synchronized void failNext(Fault fault) {
    faults.add(fault);
  }

  synchronized boolean allFaultsUsed() {
    return faults.isEmpty();
  }

  @Override
  public Connection getConnection() throws SQLException {
    Connection connection = real.getConnection();
    Fault fault;
    synchronized (this) {
      fault = faults.poll();
    }
    return fault == null ? connection : faulty(connection, fault);
  }

  private static Connection faulty(Connection connection, Fault fault) {
    // [0]: the simulated socket is gone; [1]: the fault has fired.
    boolean[] dead = {false, false};
    InvocationHandler handler =
        (proxy, method, args) -> {
          String name = method.getName();
          if (name.equals("close")) {
            if (dead[0] && !connection.getAutoCommit()) {
              // The socket is gone: nothing this connection did is left to commit.
              connection.rollback();
            }
            return call(connection, method, args);
          }
          if (dead[0]) {
            throw socketError();
          }
          if (name.equals("prepareStatement") || name.equals("createStatement")) {
            Object statement = Objects.requireNonNull(call(connection, method, args));
            return statementFailing(statement, method.getReturnType(), connection, fault, dead);
          }
          if (name.equals("commit")) {
            switch (fault) {
              case CERTIFICATION_FAILURE_AT_COMMIT -> {
                connection.rollback();
                throw new SQLTransactionRollbackException(
                    "Deadlock found when trying to get lock; try restarting transaction",
                    "40001",
                    1213);
              }
              case CONNECTION_LOST_AFTER_COMMIT -> {
                connection.commit();
                dead[0] = true;
                throw socketError();
              }
              case CONNECTION_LOST_BEFORE_COMMIT -> {
                connection.rollback();
                dead[0] = true;
                throw socketError();
              }
              default -> {
                return call(connection, method, args);
              }
            }
          }
          return call(connection, method, args);
        };
    return (Connection)
        Proxy.newProxyInstance(
            FaultInjectingDataSource.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            handler);
  }

  private static Object statementFailing(
      Object statement, Class<?> type, Connection connection, Fault fault, boolean[] dead) {
    InvocationHandler handler =
        (proxy, method, args) -> {
          if (!EXECUTIONS.contains(method.getName())) {
            return call(statement, method, args);
          }
          if (fault == Fault.NODE_NOT_READY && !dead[1]) {
            dead[1] = true;
            throw new SQLNonTransientConnectionException(
                "WSREP has not yet prepared node for application use", "08S01", 1047);
          }
          if (fault == Fault.CONNECTION_LOST_BEFORE_STATEMENT) {
            dead[0] = true;
            throw socketError();
          }
          if (fault == Fault.CONNECTION_LOST_AFTER_STATEMENT && connection.getAutoCommit()) {
            call(statement, method, args);
            dead[0] = true;
            throw socketError();
          }
          return call(statement, method, args);
        };
    return Proxy.newProxyInstance(
        FaultInjectingDataSource.class.getClassLoader(), new Class<?>[] {type}, handler);
  }

  private static SQLException socketError() {
    return new SQLNonTransientConnectionException("Socket error", "08000", -1);
  }

  private static @Nullable Object call(Object target, Method method, Object @Nullable [] args)
      throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    throw new SQLFeatureNotSupportedException("only the pool's own credentials");
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return real.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    real.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    real.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return real.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return real.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    return real.unwrap(iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return real.isWrapperFor(iface);
  }
}

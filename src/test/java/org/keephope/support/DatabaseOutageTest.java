package org.keephope.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;

class DatabaseOutageTest {

    @Test
    void theConnectionsFailuresAreRetriedAndAStatementsOwnAreNot() {
        assertThat(DatabaseOutage.isConnectionFailure(new CannotGetJdbcConnectionException("pool")))
                .isTrue();
        // what PostgreSQL's driver says when the server shuts down under a statement, and for a dead socket
        assertThat(DatabaseOutage.isConnectionFailure(new UncategorizedSQLException(
                        "insert", "insert", new SQLException("terminating connection", "57P01"))))
                .isTrue();
        assertThat(DatabaseOutage.isConnectionFailure(new UncategorizedSQLException(
                        "select", "select", new SQLException("An I/O error occurred", "08006"))))
                .isTrue();
        // seen under bench/db-restart.sh: the commit died with the server, then the rollback found the connection
        // closed
        assertThat(DatabaseOutage.isConnectionFailure(new org.springframework.transaction.TransactionSystemException(
                        "JDBC rollback failed", new SQLException("Connection is closed"))))
                .isTrue();
        assertThat(DatabaseOutage.isConnectionFailure(new DuplicateKeyException("unique")))
                .isFalse();
        assertThat(DatabaseOutage.isConnectionFailure(new DataIntegrityViolationException(
                        "check", new SQLException("violates check constraint", "23514"))))
                .isFalse();
        assertThat(DatabaseOutage.isConnectionFailure(new IllegalStateException("no cause")))
                .isFalse();
    }

    @Test
    void workIsDoneAgainUntilTheDatabaseIsBack() {
        AtomicInteger attempts = new AtomicInteger();
        String answer = DatabaseOutage.retrying(() -> {
            if (attempts.incrementAndGet() < 4) {
                throw new CannotGetJdbcConnectionException("the database is restarting");
            }
            return "done";
        });
        assertThat(answer).isEqualTo("done");
        assertThat(attempts).hasValue(4);
    }

    @Test
    void aStatementsOwnFailureIsThrownAtOnceAsItWas() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> DatabaseOutage.retrying(() -> {
                    attempts.incrementAndGet();
                    throw new DuplicateKeyException("unique");
                }))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void whenTheDatabaseStaysAwayTheLastFailureIsThrownAsItWas() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> DatabaseOutage.template(java.time.Duration.ofMillis(400))
                        .invoke(() -> {
                            attempts.incrementAndGet();
                            throw new CannotGetJdbcConnectionException("still down");
                        }))
                .isInstanceOf(CannotGetJdbcConnectionException.class)
                .hasMessage("still down");
        assertThat(attempts.get()).isGreaterThan(1);
    }
}

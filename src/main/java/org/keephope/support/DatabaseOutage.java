package org.keephope.support;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;

/**
 * A database that is restarting, or a pooled connection that died with it, is not a supporter's problem: the
 * work is done again on a new connection for up to {@link #BUDGET} before anyone is told anything (issue 13
 * item 5). Only failures of the connection are retried, never a statement's own (a constraint, bad SQL), and
 * only work that is safe to repeat is passed here: reads, and the signature writer's batch, whose rows carry
 * their own ids and whose insert skips an address already there.
 *
 * <p>Spring Framework's {@link RetryTemplate} does the retrying (exponential backoff from 100 ms to 1 s with
 * jitter, bounded by the budget); this class only says which failures are the connection's.
 */
public final class DatabaseOutage {

    /** How long work waits for the database to come back. */
    public static final Duration BUDGET = Duration.ofSeconds(10);

    /** PostgreSQL's codes for a server that is shutting down or starting ("57P01" admin_shutdown and friends). */
    private static final Set<String> SERVER_GOING_AWAY = Set.of("57P01", "57P02", "57P03");

    private static final String HIKARI_CLOSED = "Connection is closed";

    private static final RetryTemplate RETRY = template(BUDGET);

    private DatabaseOutage() {}

    /** Whether {@code failure} (or any cause) is the connection's: the same work may succeed on a new one. */
    public static boolean isConnectionFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException
                    || t instanceof TransientDataAccessResourceException
                    || t instanceof RecoverableDataAccessException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof SQLRecoverableException) {
                return true;
            }
            // HikariCP's answer for a connection it has just thrown out (a commit died with the server, and the
            // rollback that follows finds it closed): it carries no SQLState
            if (t instanceof SQLException sql && sql.getSQLState() == null && HIKARI_CLOSED.equals(sql.getMessage())) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || SERVER_GOING_AWAY.contains(state)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Runs {@code work}, again on a connection failure, until it succeeds or {@link #BUDGET} has passed; then
     * the last failure is thrown as it was.
     */
    public static <T> T retrying(Supplier<T> work) {
        return RETRY.invoke(work);
    }

    public static void retrying(Runnable work) {
        RETRY.invoke(work);
    }

    static RetryTemplate template(Duration budget) {
        return new RetryTemplate(RetryPolicy.builder()
                .predicate(DatabaseOutage::isConnectionFailure)
                .maxRetries(Long.MAX_VALUE)
                .timeout(budget)
                .delay(Duration.ofMillis(100))
                .multiplier(2)
                .maxDelay(Duration.ofSeconds(1))
                .jitter(Duration.ofMillis(50))
                .build());
    }
}

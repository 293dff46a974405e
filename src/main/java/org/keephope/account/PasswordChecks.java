package org.keephope.account;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * At most {@code keephope.account.concurrent-password-checks} Argon2id comparisons (46 MiB each) at a time
 * (by default half the processors, at least one: the other half keeps serving pages), on platform threads of
 * their own, never inside a transaction. A sign-in that finds no free permit within
 * {@link #WAIT_MILLIS} is refused as busy (503): a flood of wrong passwords then costs a few cores' worth of
 * hashing, not the memory, the threads and the database connections every page needs.
 *
 * <p>Own threads rather than the request's: on JDK 21+ requests run on virtual threads, and a CPU-bound hash
 * on a virtual thread keeps its carrier (one per core) from every other request until it ends.
 */
@Component
class PasswordChecks implements DisposableBean {

    static final long WAIT_MILLIS = 1_000;
    static final int RETRY_AFTER_SECONDS = 5;

    /** No permit came free in time: too many sign-ins are being checked. */
    static final class Busy extends RuntimeException {
        Busy() {
            super("too many password checks at once", null, false, false);
        }
    }

    private final Passwords passwords;
    private final Semaphore permits;
    private final ExecutorService hashing;

    PasswordChecks(Passwords passwords, AccountProperties properties) {
        this.passwords = passwords;
        int size = properties.passwordChecksAtOnce();
        this.permits = new Semaphore(size, true);
        AtomicInteger n = new AtomicInteger();
        this.hashing = Executors.newFixedThreadPool(size, task -> {
            Thread thread = new Thread(task, "password-check-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Waits for a permit; close it when done. */
    Permit permit() {
        try {
            if (!permits.tryAcquire(WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                throw new Busy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Busy();
        }
        return new Permit();
    }

    /** The right to one comparison now. */
    final class Permit implements AutoCloseable {

        private boolean open = true;

        private Permit() {}

        /** One Argon2id comparison (against a dummy hash when {@code hash} is null: the same time). */
        boolean matches(String password, String hash) {
            try {
                return hashing.submit(() -> passwords.matches(password, hash)).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Busy();
            } catch (ExecutionException e) {
                throw new IllegalStateException("password check failed", e.getCause());
            }
        }

        @Override
        public void close() {
            if (open) {
                open = false;
                permits.release();
            }
        }
    }

    @Override
    public void destroy() {
        hashing.shutdownNow();
    }
}

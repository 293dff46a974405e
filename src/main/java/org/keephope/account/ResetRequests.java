package org.keephope.account;

import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Password-reset requests. The request thread does the same for every address — count the client, hand the
 * address to one background thread, answer — so neither the answer nor its time can tell whether an account
 * exists: the look-up, the per-account limit, the link, the mail and the audit entry all happen afterwards in
 * {@link AccountSetup#requestReset}. A lost request (a crash, or the queue full under a flood) costs the member
 * one more click, never a wrong answer.
 */
@Component
class ResetRequests implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ResetRequests.class);
    private static final int QUEUE = 200;

    private final AccountSetup setup;
    private final LoginThrottle throttle;
    private final ThreadPoolExecutor worker;

    ResetRequests(AccountSetup setup, LoginThrottle throttle) {
        this.setup = setup;
        this.throttle = throttle;
        this.worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUE), task -> {
            Thread thread = new Thread(task, "staff-password-reset");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Accepts a request; false when this client has spent its budget of failed sign-ins and reset requests
     * (the same per-client limit as sign-in: both are anonymous attempts at a staff account).
     */
    boolean submit(String email, String client, Locale locale) {
        if (throttle.blocked(client)) {
            return false;
        }
        throttle.failed(client);
        try {
            worker.execute(() -> {
                try {
                    setup.requestReset(email, locale);
                } catch (RuntimeException e) {
                    log.warn("A password-reset request failed: {}", e.getClass().getSimpleName());
                }
            });
        } catch (RejectedExecutionException full) {
            log.warn("Password-reset requests are arriving faster than they are handled; one was dropped");
        }
        return true;
    }

    @Override
    public void destroy() throws InterruptedException {
        worker.shutdown();
        worker.awaitTermination(5, TimeUnit.SECONDS);
    }
}

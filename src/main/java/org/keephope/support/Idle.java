package org.keephope.support;

import java.util.function.BooleanSupplier;

/** How a background worker with nothing to do waits: until woken, its poll interval passes, or it stops. */
public final class Idle {

    private Idle() {}

    /**
     * Waits on {@code wakeUp} (a {@code notifyAll} on it ends the wait early) for up to {@code millis}; false
     * when the worker should stop instead: {@code stopping} said so, or the thread was interrupted.
     */
    public static boolean waitOn(Object wakeUp, BooleanSupplier stopping, long millis) {
        synchronized (wakeUp) {
            if (stopping.getAsBoolean()) {
                return false;
            }
            try {
                wakeUp.wait(Math.max(1, millis));
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}

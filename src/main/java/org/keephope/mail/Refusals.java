package org.keephope.mail;

import jakarta.mail.MessagingException;
import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.Set;

/**
 * Tells a recipient the mail server refused for good (a 5xx answer to {@code RCPT TO}, e.g. 550 "no such user") from
 * a failure worth retrying. Only a refusal of the address counts: a 5xx about the session (530 authentication
 * required, a misconfigured server) must not give up every mail at once. Jakarta Mail's SMTP provider (Angus) reports
 * a refused recipient as an {@code SMTPAddressFailedException} with the reply code, chained through
 * {@link MessagingException#getNextException()} under a {@code SendFailedException}; it is found by its name and the
 * code read through {@code getReturnCode()}, so that nothing here depends on the provider's classes.
 */
final class Refusals {

    private Refusals() {}

    /** The 5xx code of a permanent refusal anywhere in the chain, or 0. */
    static int permanentCode(Throwable failure) {
        Set<Throwable> seen = new HashSet<>();
        java.util.ArrayDeque<Throwable> todo = new java.util.ArrayDeque<>();
        todo.add(failure);
        while (!todo.isEmpty()) {
            Throwable t = todo.poll();
            if (t == null || !seen.add(t)) {
                continue;
            }
            int code = returnCode(t);
            if (code >= 500 && code < 600) {
                return code;
            }
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
            if (t instanceof MessagingException m && m.getNextException() != null) {
                todo.add(m.getNextException());
            }
        }
        return 0;
    }

    private static int returnCode(Throwable t) {
        if (!t.getClass().getSimpleName().equals("SMTPAddressFailedException")) {
            return 0;
        }
        try {
            Method method = t.getClass().getMethod("getReturnCode");
            return method.getReturnType() == int.class ? (int) method.invoke(t) : 0;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return 0;
        }
    }
}

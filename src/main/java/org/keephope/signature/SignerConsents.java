package org.keephope.signature;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Consents a signer gave to another module that the signer can take back from the link in their mails (the
 * partner module: each partner the signer opted in to). The signature module cannot know that module (it
 * depends on this one), so it implements this and the page behind the link ({@code /erase/{token}}) lists what
 * every implementation returns, with a button each; the button's POST calls {@link #withdraw}.
 */
public interface SignerConsents {

    /** One consent as the page shows it: a key for the button (no personal data), whom it was given to. */
    record Consent(String key, String name, boolean withdrawn) {}

    enum Withdrawal {
        /** Withdrawn now. */
        WITHDRAWN,
        /** Withdrawn before: nothing changed (a second click). */
        ALREADY_WITHDRAWN,
        /** This signature gave no such consent here. */
        UNKNOWN
    }

    /** What was withdrawn, and from whom (the name for the page; empty when unknown). */
    record Outcome(Withdrawal withdrawal, String name) {

        public static final Outcome UNKNOWN = new Outcome(Withdrawal.UNKNOWN, "");
    }

    /** The consents this signature gave, withdrawn or not, with names in the reader's language. */
    List<Consent> consents(UUID signatureId, Locale locale);

    /** Withdraws one consent, in a transaction of its own making; idempotent. */
    Outcome withdraw(UUID signatureId, String key, Locale locale);
}

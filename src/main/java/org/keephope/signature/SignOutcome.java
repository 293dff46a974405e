package org.keephope.signature;

/** What became of a sign request. The supporter sees the same "check your email" for every ACCEPTED. */
public enum SignOutcome {
    /** Committed (or silently dropped as a bot's): answer 303 to "check your email". */
    ACCEPTED,
    /** Sent too fast or with a stale form: show the form again, values kept, to send once more. */
    SHOW_AGAIN,
    /** Too many requests from this client or for this address: 429. */
    RATE_LIMITED,
    /** The campaign does not take signatures: 409. */
    NOT_OPEN
}

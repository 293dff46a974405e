package org.keephope.mail;

/**
 * Which mail goes first when a backlog builds up: a person waiting for a link before anything else. The
 * worker claims every due {@link #CONFIRMATION} before it claims a {@link #NOTICE}.
 */
public enum MailPriority {
    /** Someone is waiting for a link in it: a signature's confirmation, a staff invitation or reset. */
    CONFIRMATION(0),
    /** Nobody is waiting on it: "you have already signed" and the like. */
    NOTICE(1);

    final int rank;

    MailPriority(int rank) {
        this.rank = rank;
    }

    /** Lowest rank first. */
    static MailPriority[] inClaimOrder() {
        return values();
    }
}

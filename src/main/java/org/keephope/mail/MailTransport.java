package org.keephope.mail;

/** Where mail goes: an SMTP server, or the development mailbox when none is configured. */
interface MailTransport {

    /**
     * A connection for a batch of mails, opened on its first mail and kept for the next ones: one SMTP
     * session carries a whole batch instead of one mail.
     */
    Connection open();

    interface Connection extends AutoCloseable {

        /**
         * Sends one mail; {@code messageId} is stable across retries so receivers can drop duplicates. After a
         * failure the connection is closed and the next mail opens a new one.
         */
        void send(String messageId, MailMessage mail) throws Exception;

        /** Ends the session (SMTP {@code QUIT}); never throws. */
        @Override
        void close();
    }
}

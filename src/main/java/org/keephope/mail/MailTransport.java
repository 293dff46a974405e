package org.keephope.mail;

/** Where mail goes: an SMTP server, or the development mailbox when none is configured. */
interface MailTransport {

    /** Sends one mail; {@code messageId} is stable across retries so receivers can drop duplicates. */
    void send(String messageId, MailMessage mail) throws Exception;
}

package org.keephope.mail;

/**
 * One mail to one person. {@code unsubscribe} is the address of the page that erases the recipient's data;
 * it becomes the {@code List-Unsubscribe} header.
 */
public record MailMessage(String to, String subject, String text, String html, String unsubscribe) {

    @Override
    public String toString() {
        return "MailMessage[subject=" + subject + "]"; // never the address in a log line
    }
}

package org.keephope.mail;

/**
 * The mail server refused a mail for good (an SMTP 5xx answer, e.g. 550 "no such user"): it is not retried.
 * Published in the transaction that marks the mail failed; {@code reference} is the one it was queued with.
 */
public record MailRefused(String reference, int code) {}

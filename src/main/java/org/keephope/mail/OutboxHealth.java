package org.keephope.mail;

import java.time.Instant;

/** How the mail outbox is doing: for the staff dashboard and for operators. */
public record OutboxHealth(long pending, long retrying, long failed, Instant oldestPending) {}

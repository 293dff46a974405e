/** The durable mail outbox, its worker, and SMTP or the development mailbox. */
@org.springframework.modulith.ApplicationModule(
        displayName = "Mail",
        allowedDependencies = {"privacy", "support", "web"})
package org.keephope.mail;

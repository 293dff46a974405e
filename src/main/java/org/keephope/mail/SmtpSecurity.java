package org.keephope.mail;

import java.util.Map;

/**
 * What the SMTP connection must do to keep mail private in transit. Mail carries confirmation links and
 * signers' names; on any network between us and the mail server it must travel encrypted, to the server we
 * meant: STARTTLS is required (no silent fall-back to plain text) and the server's certificate must name the
 * host we asked for. Only a server on this machine (loopback) may be spoken to in plain text, or any server
 * when the operator says so with {@code KEEPHOPE_MAIL_INSECURE=true}.
 */
final class SmtpSecurity {

    private SmtpSecurity() {}

    /**
     * JavaMail properties to add for a server; empty when plain text is allowed.
     *
     * @param protocol {@code smtp} (STARTTLS) or {@code smtps} (TLS from the first byte)
     */
    static Map<String, String> required(String protocol, String host, boolean insecure) {
        if (insecure || Loopback.host(host)) {
            return Map.of();
        }
        if ("smtps".equalsIgnoreCase(protocol)) {
            return Map.of("mail.smtps.ssl.checkserveridentity", "true");
        }
        return Map.of(
                "mail.smtp.starttls.enable", "true",
                "mail.smtp.starttls.required", "true",
                "mail.smtp.ssl.checkserveridentity", "true");
    }
}

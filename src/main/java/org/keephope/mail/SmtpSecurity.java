package org.keephope.mail;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the SMTP connection must do to keep mail private in transit. Mail carries confirmation links and
 * signers' names; on any network between us and the mail server it must travel encrypted, to the server we
 * meant: STARTTLS is required (no silent fall-back to plain text) and the server's certificate must name the
 * host we asked for. Only a server on this machine (loopback) may be spoken to in plain text, or any server
 * when the operator says so with {@code KEEPHOPE_MAIL_INSECURE=true}.
 */
final class SmtpSecurity {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private SmtpSecurity() {}

    /**
     * JavaMail properties to add for a server; empty when plain text is allowed.
     *
     * @param protocol {@code smtp} (STARTTLS) or {@code smtps} (TLS from the first byte)
     */
    static Map<String, String> required(String protocol, String host, boolean insecure) {
        if (insecure || isLoopback(host)) {
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

    /**
     * Whether a host is this machine: {@code localhost} or a loopback address written as such. A name is never
     * looked up: a DNS answer could say 127.0.0.1 today and something else tomorrow.
     */
    static boolean isLoopback(String host) {
        if (host == null || host.isBlank()) {
            return false;
        }
        String h = host.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.equals("localhost") || h.equals("localhost.")) {
            return true;
        }
        if (!IPV4.matcher(h).matches() && !h.contains(":")) {
            return false; // a name: not looked up
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress(); // a literal: parsed, not looked up
        } catch (UnknownHostException e) {
            return false;
        }
    }
}

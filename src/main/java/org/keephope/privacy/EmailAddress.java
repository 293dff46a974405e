package org.keephope.privacy;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The canonical form of an email address, so one person cannot sign many times with {@code A.B+x@gmail.com}
 * and {@code ab@gmail.com}: lower case, and dots and {@code +tags} dropped where the provider ignores them.
 */
public final class EmailAddress {

    private static final Set<String> IGNORES_DOTS = Set.of("gmail.com", "googlemail.com");
    private static final Set<String> IGNORES_PLUS_TAGS = Set.of(
            "gmail.com",
            "googlemail.com",
            "outlook.com",
            "hotmail.com",
            "live.com",
            "icloud.com",
            "me.com",
            "protonmail.com",
            "proton.me",
            "pm.me",
            "fastmail.com",
            "yandex.ru",
            "ya.ru",
            "posteo.de",
            "tutanota.com");
    private static final Map<String, String> SAME_MAILBOX = Map.of("googlemail.com", "gmail.com", "ya.ru", "yandex.ru");

    private EmailAddress() {}

    public static String canonical(String email) {
        String trimmed = email.trim().toLowerCase(Locale.ROOT);
        int at = trimmed.lastIndexOf('@');
        if (at < 1) {
            return trimmed;
        }
        String local = trimmed.substring(0, at);
        String domain = trimmed.substring(at + 1);
        if (IGNORES_PLUS_TAGS.contains(domain) && local.indexOf('+') > 0) {
            local = local.substring(0, local.indexOf('+'));
        }
        if (IGNORES_DOTS.contains(domain)) {
            local = local.replace(".", "");
        }
        return local + "@" + SAME_MAILBOX.getOrDefault(domain, domain);
    }
}

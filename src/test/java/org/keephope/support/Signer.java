package org.keephope.support;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/** A supporter for tests: a unique address, the form they send, and the mails they receive. */
public final class Signer {

    private static final Pattern STAMP = Pattern.compile("name=\"stamp\" value=\"([^\"]+)\"");
    private static final Pattern LINK = Pattern.compile("https?://[^\\s\"<>]+");

    public final String email;
    public final Map<String, String> form = new LinkedHashMap<>();

    public Signer(String firstName, String country) {
        this.email = "signer-" + UUID.randomUUID().toString().substring(0, 12) + "@example.org";
        form.put("firstName", firstName);
        form.put("lastName", "Tester");
        form.put("email", email);
        form.put("country", country);
    }

    public Signer with(String field, String value) {
        form.put(field, value);
        return this;
    }

    public Signer without(String field) {
        form.remove(field);
        return this;
    }

    /** The form with a fresh stamp from the page, as a browser would send it. */
    public Map<String, String> formFrom(String campaignPage) {
        var matcher = STAMP.matcher(campaignPage);
        assertThat(matcher.find()).as("the page has a sign form").isTrue();
        Map<String, String> sent = new LinkedHashMap<>(form);
        sent.put("stamp", matcher.group(1).replace("&#61;", "="));
        return sent;
    }

    /** Mails this signer has received so far. */
    public List<MimeMessage> mails() {
        return mailsTo(email);
    }

    /** Mails an address has received so far (a signer's, a staff member's). */
    public static List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(TestMail.server().getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                                .anyMatch(a -> a.toString().equalsIgnoreCase(address));
                    } catch (Exception e) {
                        return false;
                    }
                })
                .toList();
    }

    /** Waits until this signer has received {@code count} mails; returns them. */
    public List<MimeMessage> awaitMails(int count, Duration timeout) {
        Instant end = Instant.now().plus(timeout);
        while (Instant.now().isBefore(end)) {
            List<MimeMessage> mails = mails();
            if (mails.size() >= count) {
                return mails;
            }
            sleep(50);
        }
        List<MimeMessage> mails = mails();
        assertThat(mails).as("mails to " + email).hasSizeGreaterThanOrEqualTo(count);
        return mails;
    }

    public MimeMessage awaitMail() {
        return awaitMails(1, Duration.ofSeconds(15)).get(0);
    }

    /** The path of the first link in a mail's text that contains {@code part}, e.g. "/confirm/". */
    public static String link(MimeMessage mail, String part) {
        String body = text(mail);
        var matcher = LINK.matcher(body);
        while (matcher.find()) {
            String url = matcher.group();
            if (url.contains(part)) {
                return url.substring(url.indexOf(part));
            }
        }
        throw new AssertionError("no link with " + part + " in " + body);
    }

    /** The plain-text part of a mail, decoded. */
    public static String text(MimeMessage mail) {
        try {
            return textOf(mail.getContent(), mail.getContentType());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The HTML part of a mail, decoded. */
    public static String html(MimeMessage mail) {
        try {
            return partOf(mail.getContent(), "text/html");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String textOf(Object content, String type) throws Exception {
        if (content instanceof String s) {
            return s;
        }
        return partOf(content, "text/plain");
    }

    private static String partOf(Object content, String wanted) throws Exception {
        if (content instanceof jakarta.mail.Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                var part = multipart.getBodyPart(i);
                if (part.isMimeType(wanted)) {
                    return part.getContent().toString();
                }
                String inner = partOf(part.getContent(), wanted);
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

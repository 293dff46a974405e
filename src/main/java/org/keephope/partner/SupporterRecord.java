package org.keephope.partner;

import java.nio.charset.StandardCharsets;

/**
 * What a supporter who ticked a partner's box agreed that partner may have: email, names, country and language.
 * Sealed as one blob: {@code v1}, then one field a line (the form refuses line breaks in these fields).
 */
record SupporterRecord(String email, String firstName, String lastName, String country, String locale) {

    byte[] bytes() {
        return String.join("\n", "v1", email, firstName, lastName, country, locale)
                .getBytes(StandardCharsets.UTF_8);
    }

    static SupporterRecord parse(byte[] bytes) {
        String[] f = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
        if (f.length != 6 || !f[0].equals("v1")) {
            throw new IllegalArgumentException("not a supporter record");
        }
        return new SupporterRecord(f[1], f[2], f[3], f[4], f[5]);
    }
}

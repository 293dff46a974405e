package org.keephope.target;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param mode letters everywhere: {@code dry-run} (the default), {@code send} or {@code off}; a campaign's own mode
 *     can only be more careful; {@code KEEPHOPE_LETTERS_MODE}
 * @param testAddress where a dry run sends letters; empty: the sender address ({@code KEEPHOPE_MAIL_FROM}), which
 *     without SMTP is the development mailbox; {@code KEEPHOPE_LETTERS_TEST_ADDRESS}
 * @param linkValidity how long a supporter's letter link works; {@code KEEPHOPE_LETTERS_LINK_VALIDITY}
 * @param hourlyCap letters per target and hour for a target staff have not set; {@code KEEPHOPE_LETTERS_HOURLY_CAP}
 * @param dispatchMillis how often each node hands due letters to the mail outbox;
 *     {@code KEEPHOPE_LETTERS_DISPATCH_MILLIS}
 */
@ConfigurationProperties(prefix = "keephope.letters")
public record LetterProperties(
        @DefaultValue("dry-run") LetterMode mode,
        String testAddress,
        @DefaultValue("30d") Duration linkValidity,
        @DefaultValue("30") int hourlyCap,
        @DefaultValue("5000") long dispatchMillis) {

    public LetterProperties {
        if (hourlyCap < 1) {
            throw new IllegalArgumentException("keephope.letters.hourly-cap must be at least 1");
        }
    }
}

package org.keephope.target;

/**
 * One target's line on a campaign's letters screen (staff only): its letters by status, its sending rules, how many
 * contact addresses it has and how many of them bounced.
 */
public record LetterTargetLine(
        Target target,
        int queued,
        int sent,
        int bounced,
        int cancelled,
        SendingForm sending,
        int addresses,
        int bouncedAddresses,
        boolean fallback) {}

package org.keephope.log;

import java.time.Instant;

/** What {@code /campaigns/{slug}/log} shows: the campaign, the latest signed head and the key that checks it. */
public record LogPage(
        String slug,
        String campaignTitle,
        String checkpoint,
        String verifierKey,
        long treeSize,
        long additions,
        long withdrawals,
        Instant signedAt,
        String campaignUrl) {

    public long count() {
        return additions - withdrawals;
    }
}

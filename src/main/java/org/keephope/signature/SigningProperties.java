package org.keephope.signature;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Signing settings, all under {@code keephope.signing.*} ({@code KEEPHOPE_SIGNING_*}).
 *
 * @param confirmationValidity how long a confirmation link works
 * @param unconfirmedRetention unconfirmed signatures are deleted after this
 * @param retentionAfterClose signers' personal data (email, name, comment) is erased this long after a
 *     campaign's signing ended (closed, or its deadline passed); {@code KEEPHOPE_RETENTION_AFTER_CLOSE}
 * @param resendInterval at most one mail per signature per interval (re-sends, "already signed")
 * @param minFillTime a form sent sooner than this after it was served is held back and shown again
 * @param formValidity a served form can be sent for this long
 * @param clientLimitPerHour sign requests per client (by keyed hash of its address, in memory) per hour
 * @param addressLimitPerHour sign requests per email address per hour
 * @param allowedOrigins other origins that may post the sign form (partner sites), besides our own
 * @param batchSize most signatures written in one transaction (group commit)
 * @param countFreshness how old a cached count may be
 * @param countryCountLag counts by country are taken at the start of windows of this length (aligned to the
 *     clock), so they show a confirmation only once the next window starts
 * @param reconcileInterval how often counters are checked against the signatures (read by the scheduler of
 *     {@code SignatureCounts})
 * @param consentVersion the version of the privacy notice a signer agrees to
 */
@ConfigurationProperties(prefix = "keephope.signing")
public record SigningProperties(
        @DefaultValue("7d") Duration confirmationValidity,
        @DefaultValue("30d") Duration unconfirmedRetention,
        @DefaultValue("90d") Duration retentionAfterClose,
        @DefaultValue("10m") Duration resendInterval,
        @DefaultValue("3s") Duration minFillTime,
        @DefaultValue("1d") Duration formValidity,
        @DefaultValue("30") int clientLimitPerHour,
        @DefaultValue("5") int addressLimitPerHour,
        @DefaultValue List<String> allowedOrigins,
        @DefaultValue("256") int batchSize,
        @DefaultValue("1s") Duration countFreshness,
        @DefaultValue("60s") Duration countryCountLag,
        @DefaultValue("10m") Duration reconcileInterval,
        @DefaultValue("2026-11") String consentVersion) {}

package org.keephope.apikey;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the API keys, under {@code keephope.api.*} ({@code KEEPHOPE_API_*}).
 *
 * @param requestsPerMinute requests one key may make per minute (a fixed window from its first request; on
 *     each node); beyond it the API answers 429 with {@code Retry-After}
 * @param maxDaysValid the longest expiry an admin may give a key
 */
@Validated
@ConfigurationProperties(prefix = "keephope.api")
public record ApiProperties(
        @DefaultValue("120") @Min(1) int requestsPerMinute,
        @DefaultValue("730") @Min(1) int maxDaysValid) {}

package org.keephope.stats;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Chart settings, all under {@code keephope.stats.*} ({@code KEEPHOPE_STATS_*}).
 *
 * @param freshness how old a drawn chart (and the counts over time behind it) may be; also the
 *     {@code max-age} of the chart files and their CSV
 * @param reconcileInterval how often the counts over time are checked against the signatures (and the
 *     shards of past hours folded together); read by the scheduler as {@code keephope.stats.reconcile-interval}
 */
@ConfigurationProperties(prefix = "keephope.stats")
public record StatsProperties(
        @DefaultValue("30s") Duration freshness,
        @DefaultValue("10m") Duration reconcileInterval) {}

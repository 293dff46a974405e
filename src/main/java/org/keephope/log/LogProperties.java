package org.keephope.log;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The signature log's settings, under {@code keephope.log.*} ({@code KEEPHOPE_LOG_*}).
 *
 * @param integrateOnConfirm append a confirmation's entry and sign a new head right after the confirming
 *     transaction commits, so the page shown after confirming has the receipt; the sweep appends it anyway
 * @param sweepInterval how often every node appends what is waiting (entries of a node that crashed before it
 *     appended, erasures); a new head is signed whenever entries were appended, so at least this often while
 *     signatures arrive
 * @param batchSize most entries appended in one transaction
 */
@ConfigurationProperties(prefix = "keephope.log")
public record LogProperties(
        @DefaultValue("true") boolean integrateOnConfirm,
        @DefaultValue("5s") Duration sweepInterval,
        @DefaultValue("1000") int batchSize) {}

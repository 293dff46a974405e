package org.keephope.campaign;

import java.time.Clock;
import java.time.Instant;
import org.keephope.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Closes live campaigns whose deadline has passed, on every node: each campaign is closed by one conditional
 * update in its own transaction, so however many nodes look at once, one closes it and audits it, exactly once.
 * Signing and letters already stop at the deadline ({@link CampaignStatus#takesSignatures}); closing makes it the
 * campaign's state, which staff see, can deliver from, and can reopen after moving the deadline on.
 */
@Component
class CampaignClock {

    /** Who closed it, in the audit log. */
    static final String ACTOR = "system (deadline)";

    private static final Logger log = LoggerFactory.getLogger(CampaignClock.class);

    private final CampaignRepository repository;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final Clock clock;

    CampaignClock(CampaignRepository repository, AuditLog audit, TransactionTemplate transaction, Clock clock) {
        this.repository = repository;
        this.audit = audit;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Scheduled(
            initialDelayString = "${keephope.campaigns.close-check-millis:30000}",
            fixedDelayString = "${keephope.campaigns.close-check-millis:30000}")
    void scheduled() {
        try {
            closeDue();
        } catch (RuntimeException e) {
            log.warn(
                    "Campaigns past their deadline could not be closed now, the next round tries again: {}",
                    e.toString());
        }
    }

    /** Closes every live campaign past its deadline; returns how many this call closed. */
    int closeDue() {
        Instant now = clock.instant();
        int closed = 0;
        for (CampaignRepository.Due due : repository.dueToClose(now)) {
            Boolean done = transaction.execute(status -> {
                if (!repository.closeAtDeadline(due.id(), now)) {
                    return false; // another node closed it, or staff did
                }
                audit.record(ACTOR, "campaign.close", "campaign", due.id(), due.slug() + " deadline " + due.deadline());
                return true;
            });
            if (Boolean.TRUE.equals(done)) {
                log.info("Closed campaign {}: its deadline {} has passed", due.slug(), due.deadline());
                closed++;
            }
        }
        return closed;
    }
}

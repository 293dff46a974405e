package org.keephope.delivery;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.keephope.audit.AuditLog;
import org.keephope.campaign.CampaignRef;
import org.keephope.campaign.Campaigns;
import org.keephope.target.Targets;
import org.keephope.web.PageNotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Targets' responses: recorded by staff, published on the campaign page under the target, and mailed once to the
 * supporters who asked to be kept informed ({@link ResponseMailer}, through the outbox, in the letters' mode).
 */
@Service
@Transactional(readOnly = true)
public class Responses {

    /**
     * A response on record, with how its mailing went: {@code mailed} mails in the outbox so far, {@code mode} the
     * mode it went out in ({@code send}, {@code dry-run} or {@code off}) once {@code mailedAt} is set.
     */
    public record Response(
            long id,
            long campaignId,
            long targetId,
            LocalDate on,
            String summary,
            String link,
            String locale,
            Instant recordedAt,
            String recordedBy,
            int mailed,
            String mode,
            Instant mailedAt) {}

    private final ResponseRepository repository;
    private final Campaigns campaigns;
    private final Targets targets;
    private final AuditLog audit;
    private final Clock clock;

    Responses(ResponseRepository repository, Campaigns campaigns, Targets targets, AuditLog audit, Clock clock) {
        this.repository = repository;
        this.campaigns = campaigns;
        this.targets = targets;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Records a response (the form has passed Bean Validation) and, in the same transaction, its mailing, so the
     * mail to supporters is as durable as the response. Audited.
     *
     * @throws Deliveries.Invalid for a target the campaign does not ask or a day that is not a day or ahead
     */
    @Transactional
    public long record(String slug, ResponseForm form, String actor) {
        Map<String, String> errors = problems(slug, form);
        if (!errors.isEmpty()) {
            throw new Deliveries.Invalid(errors);
        }
        CampaignRef campaign = campaigns.ref(slug).orElseThrow();
        long targetId = Long.parseLong(form.target());
        LocalDate on = LocalDate.parse(form.respondedOn());
        long id = repository.add(
                campaign.id(),
                targetId,
                on,
                form.summary().strip(),
                form.link().isBlank() ? null : form.link(),
                form.language(),
                clock.instant(),
                actor);
        audit.record(actor, "delivery.response", "campaign", campaign.id(), "target " + targetId + " on " + on);
        return id;
    }

    /** What is wrong with a response beyond its form's own rules: field errors (message keys), or none. */
    public Map<String, String> problems(String slug, ResponseForm form) {
        CampaignRef campaign = campaigns.ref(slug).orElseThrow(() -> PageNotFound.of("campaign", slug));
        Map<String, String> errors = new LinkedHashMap<>();
        Long targetId = null;
        if (form.target().matches("[0-9]{1,18}")) {
            long id = Long.parseLong(form.target());
            if (targets.forCampaignStaff(campaign.id(), Locale.ENGLISH).stream()
                    .anyMatch(t -> t.target().id() == id)) {
                targetId = id;
            }
        }
        if (targetId == null) {
            errors.put("target", "target.error.unknown");
        }
        LocalDate on = null;
        try {
            on = LocalDate.parse(form.respondedOn());
            if (on.isAfter(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(1))
                    || on.isBefore(LocalDate.of(2000, 1, 1))) {
                errors.put("respondedOn", "delivery.error.future");
            }
        } catch (DateTimeParseException e) {
            errors.put("respondedOn", "delivery.error.date");
        }
        return errors;
    }

    /** A campaign's responses on record, for staff, in the order they came. */
    public List<Response> forCampaign(long campaignId) {
        return repository.forCampaign(campaignId);
    }

    /** A campaign's responses by target, as the campaign page shows them. */
    public Map<Long, List<Response>> published(long campaignId) {
        Map<Long, List<Response>> byTarget = new LinkedHashMap<>();
        for (Response r : repository.forCampaign(campaignId)) {
            byTarget.computeIfAbsent(r.targetId(), k -> new ArrayList<>()).add(r);
        }
        return byTarget;
    }
}

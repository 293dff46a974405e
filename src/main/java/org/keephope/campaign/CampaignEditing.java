package org.keephope.campaign;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.keephope.audit.AuditLog;
import org.keephope.coalition.Organisations;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * What staff do to campaigns: create (always as a draft), edit with a check that nobody saved in between,
 * move through the lifecycle, translate, and compose the coalition. Every change is audited.
 */
@Service
public class CampaignEditing {

    /** The outcome of a save: the slug it was saved under, or errors per field (message keys). */
    public record Saved(String slug, Map<String, String> errors) {

        public boolean ok() {
            return errors.isEmpty();
        }
    }

    /** The lifecycle moves staff may make. */
    public enum Transition {
        PUBLISH(CampaignStatus.DRAFT, CampaignStatus.LIVE),
        CLOSE(CampaignStatus.LIVE, CampaignStatus.CLOSED),
        DELIVER(CampaignStatus.CLOSED, CampaignStatus.DELIVERED),
        /** Back to live: only while the deadline is ahead (or there is none), else the clock would close it again. */
        REOPEN(CampaignStatus.CLOSED, CampaignStatus.LIVE);

        final CampaignStatus from;
        final CampaignStatus to;

        Transition(CampaignStatus from, CampaignStatus to) {
            this.from = from;
            this.to = to;
        }
    }

    private final CampaignRepository repository;
    private final CampaignFormParser parser;
    private final Organisations organisations;
    private final AuditLog audit;
    private final Clock clock;

    CampaignEditing(
            CampaignRepository repository,
            CampaignFormParser parser,
            Organisations organisations,
            AuditLog audit,
            Clock clock) {
        this.repository = repository;
        this.parser = parser;
        this.organisations = organisations;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Saved create(CampaignForm form, String actor) {
        var parsed = parser.parse(form, CampaignStatus.DRAFT, "en");
        parsed.errors().remove("version");
        if (!parsed.errors().isEmpty()) {
            return new Saved(null, parsed.errors());
        }
        if (repository.version(form.slug()) != null) {
            return new Saved(null, Map.of("slug", "form.slugTaken"));
        }
        try {
            long id = repository.insert(parsed.campaign(), clock.instant());
            audit.record(actor, "campaign.create", "campaign", id, form.slug());
            return new Saved(form.slug(), Map.of());
        } catch (DuplicateKeyException e) {
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return new Saved(null, Map.of("slug", "form.slugTaken"));
        }
    }

    @Transactional
    public Saved update(String currentSlug, CampaignForm form, String actor) {
        CampaignRow current = repository.findBySlug(currentSlug).orElseThrow();
        var parsed = parser.parse(form, current.status(), "en");
        if (!parsed.errors().isEmpty()) {
            return new Saved(null, parsed.errors());
        }
        if (!form.slug().equals(currentSlug) && repository.version(form.slug()) != null) {
            return new Saved(null, Map.of("slug", "form.slugTaken"));
        }
        if (!repository.update(current.id(), parsed.version(), parsed.campaign(), clock.instant())) {
            return new Saved(null, Map.of("version", "form.stale"));
        }
        audit.record(actor, "campaign.update", "campaign", current.id(), form.slug());
        return new Saved(form.slug(), Map.of());
    }

    @Transactional
    public boolean move(String slug, Transition transition, String actor) {
        CampaignRow current = repository.findBySlug(slug).orElseThrow();
        if (transition == Transition.REOPEN
                && current.deadline() != null
                && !current.deadline().isAfter(clock.instant())) {
            return false;
        }
        boolean moved = repository.changeStatus(current.id(), transition.from, transition.to, clock.instant());
        if (moved) {
            audit.record(
                    actor, "campaign." + transition.name().toLowerCase(Locale.ROOT), "campaign", current.id(), slug);
        }
        return moved;
    }

    /** Sets the campaign's image to an uploaded one (a path from the media module). */
    @Transactional
    public void setImage(String slug, String path, String alt, String actor) {
        long id = repository.findBySlug(slug).orElseThrow().id();
        repository.setImage(id, path, alt == null || alt.isBlank() ? null : alt.strip(), clock.instant());
        audit.record(actor, "campaign.image", "campaign", id, path);
    }

    @Transactional(readOnly = true)
    public Optional<CampaignForm> form(String slug) {
        return repository.findBySlug(slug).map(c -> CampaignForm.of(c, repository.version(slug)));
    }

    @Transactional(readOnly = true)
    public Optional<CampaignStatus> status(String slug) {
        return repository.findBySlug(slug).map(CampaignRow::status);
    }

    /** The translation of a campaign into a language: title, summary and body, each empty when missing. */
    @Transactional(readOnly = true)
    public CampaignTranslation translation(String slug, Locale locale) {
        long id = repository.findBySlug(slug).orElseThrow().id();
        return repository
                .translation(id, locale.getLanguage())
                .map(t -> new CampaignTranslation(nn(t.title()), nn(t.summary()), nn(t.body())))
                .orElse(CampaignTranslation.EMPTY);
    }

    /** Saves a translation; an empty summary or body falls back to the original. Title is required. */
    @Transactional
    public boolean translate(String slug, Locale locale, String title, String summary, String body, String actor) {
        if (title == null || title.isBlank() || title.length() > 200 || (summary != null && summary.length() > 1000)) {
            return false;
        }
        long id = repository.findBySlug(slug).orElseThrow().id();
        repository.upsertTranslation(id, locale.getLanguage(), title.strip(), blankToNull(summary), blankToNull(body));
        audit.record(actor, "campaign.translate", "campaign", id, locale.getLanguage());
        return true;
    }

    @Transactional
    public boolean addMember(String slug, String organisationSlug, MemberRole role, int position, String actor) {
        long id = repository.findBySlug(slug).orElseThrow().id();
        var organisation = organisations.bySlug(organisationSlug);
        if (organisation.isEmpty()
                || repository.findMembers(id).stream()
                        .anyMatch(m -> m.organisationId() == organisation.get().id())) {
            return false;
        }
        repository.insertMember(id, organisation.get().id(), role, position);
        audit.record(actor, "campaign.member.add", "campaign", id, organisationSlug + " " + role);
        return true;
    }

    @Transactional
    public void removeMember(String slug, String organisationSlug, String actor) {
        long id = repository.findBySlug(slug).orElseThrow().id();
        organisations.bySlug(organisationSlug).ifPresent(o -> {
            repository.removeMember(id, o.id());
            audit.record(actor, "campaign.member.remove", "campaign", id, organisationSlug);
        });
    }

    private static String nn(String value) {
        return value == null ? "" : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

package org.keephope.target;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.keephope.audit.AuditLog;
import org.keephope.support.StaleEdit;
import org.keephope.web.PageNotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The target module's facade: the directory of decision makers and whom each campaign addresses. */
@Service
@Transactional(readOnly = true)
public class Targets {

    /** A field error of a staff edit or a CSV row, as a message key by field. */
    public static final class Invalid extends RuntimeException {
        private final transient Map<String, String> errors;

        Invalid(Map<String, String> errors) {
            super("invalid target", null, false, false);
            this.errors = Map.copyOf(errors);
        }

        public Map<String, String> errors() {
            return errors;
        }
    }

    /**
     * A target as the public API lists it: the original name and title, the country (ISO 3166-1 or {@code EU})
     * and the translations by language. Never a contact address.
     */
    public record Listed(String name, String title, String country, Map<String, Names> translations) {}

    /** A name and title in one language. */
    public record Names(String name, String title) {}

    /** One campaign link as staff set it on the campaign's screen. */
    public record LinkEdit(long targetId, int position, String note, boolean fallback) {}

    private final TargetRepository repository;
    private final AuditLog audit;

    Targets(TargetRepository repository, AuditLog audit) {
        this.repository = repository;
        this.audit = audit;
    }

    /**
     * Adds a target to the directory.
     *
     * @throws Invalid when a field is not acceptable
     * @throws org.springframework.dao.DuplicateKeyException when the external id is taken
     */
    @Transactional
    public long create(TargetData data, String actor) {
        check(data);
        long id = repository.insert(data);
        audit.record(actor, "target.create", "target", id, data.externalId());
        return id;
    }

    /**
     * Saves a staff member's edit, made from {@code version}.
     *
     * @throws StaleEdit when someone saved the target since
     * @throws Invalid when a field is not acceptable
     */
    @Transactional
    public void update(long id, int version, TargetData data, String actor) {
        check(data);
        if (!repository.update(id, version, data)) {
            throw StaleEdit.of("target", id, find(id).version());
        }
        audit.record(actor, "target.update", "target", id, data.externalId());
    }

    @Transactional
    public void setActive(long id, boolean active, String actor) {
        if (!repository.setActive(id, active)) {
            throw PageNotFound.of("target", "" + id);
        }
        audit.record(actor, active ? "target.activate" : "target.deactivate", "target", id, null);
    }

    /** Points the target at a photo stored by the media module. */
    @Transactional
    public void setPhoto(long id, String photoPath, String actor) {
        if (!repository.setPhoto(id, photoPath)) {
            throw PageNotFound.of("target", "" + id);
        }
        audit.record(actor, "target.photo", "target", id, photoPath);
    }

    public Optional<EditableTarget> forEditing(long id) {
        return repository.find(id);
    }

    public Optional<EditableTarget> byExternalId(String externalId) {
        return repository.findByExternalId(externalId);
    }

    /** The whole directory for staff, by country and name. */
    public List<EditableTarget> all() {
        return repository.findAll();
    }

    /** The active targets a campaign addresses, in its order, as the public sees them (no contact address). */
    public List<CampaignTarget> forCampaign(long campaignId, Locale locale) {
        return repository.findForCampaign(campaignId).stream()
                .filter(l -> l.target().data().active())
                .map(l -> new CampaignTarget(publicView(l.target(), locale), l.position(), l.note(), l.fallback()))
                .toList();
    }

    /** The active targets of a campaign in its order, for the public API. */
    public List<Listed> listed(long campaignId) {
        return repository.findForCampaign(campaignId).stream()
                .map(TargetRepository.Link::target)
                .filter(t -> t.data().active())
                .map(t -> {
                    Map<String, Names> translations = new java.util.TreeMap<>();
                    t.data().translations().forEach((language, names) -> {
                        if (!TargetNames.blank(names.name()) || !TargetNames.blank(names.title())) {
                            translations.put(
                                    language,
                                    new Names(
                                            pick(
                                                    names.name(),
                                                    t.data().original().name()),
                                            pick(
                                                    names.title(),
                                                    t.data().original().title())));
                        }
                    });
                    return new Listed(
                            t.data().original().name(),
                            t.data().original().title(),
                            t.data().country(),
                            translations);
                })
                .toList();
    }

    /** Every target of a campaign, inactive ones included, for its staff screen. */
    public List<CampaignTarget> forCampaignStaff(long campaignId, Locale locale) {
        return repository.findForCampaign(campaignId).stream()
                .map(l -> new CampaignTarget(publicView(l.target(), locale), l.position(), l.note(), l.fallback()))
                .toList();
    }

    /**
     * Replaces whom a campaign addresses.
     *
     * @throws Invalid when a target is unknown or a note too long
     */
    @Transactional
    public void setCampaignTargets(long campaignId, List<LinkEdit> links, String actor) {
        List<TargetRepository.Link> rows = new ArrayList<>();
        for (LinkEdit edit : links.stream()
                .sorted(Comparator.comparingInt(LinkEdit::position).thenComparingLong(LinkEdit::targetId))
                .toList()) {
            var target = repository
                    .find(edit.targetId())
                    .orElseThrow(() -> new Invalid(Map.of("add", "target.error.unknown")));
            String note = TargetRules.blankToNull(edit.note());
            if (note != null && note.length() > 1000) {
                throw new Invalid(Map.of("note_" + edit.targetId(), "form.error.tooLong"));
            }
            rows.add(new TargetRepository.Link(target, edit.position(), note, edit.fallback()));
        }
        repository.replaceCampaignTargets(campaignId, rows);
        audit.record(actor, "campaign.targets", "campaign", campaignId, rows.size() + " targets");
    }

    /** For demo content and setup code: adds one target to a campaign. */
    @Transactional
    public void addToCampaign(long campaignId, long targetId, int position, String note, boolean fallback) {
        repository.addToCampaign(campaignId, targetId, position, note, fallback);
    }

    /** A target in the reader's language: a translated part where there is one, else the original. */
    public static Target publicView(EditableTarget t, Locale locale) {
        TargetNames original = t.data().original();
        TargetNames local = t.data().in(locale.getLanguage());
        return new Target(
                t.id(),
                t.data().externalId(),
                t.data().country(),
                pick(local.name(), original.name()),
                pick(local.title(), original.title()),
                pick(local.office(), original.office()),
                t.data().contactUrl(),
                t.photo(),
                t.data().active());
    }

    private static String pick(String translated, String original) {
        return TargetNames.blank(translated) ? original : translated;
    }

    private static void check(TargetData data) {
        var errors = TargetRules.check(data);
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
    }

    private EditableTarget find(long id) {
        return repository.find(id).orElseThrow(() -> PageNotFound.of("target", "" + id));
    }
}

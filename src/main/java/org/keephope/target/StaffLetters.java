package org.keephope.target;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.keephope.audit.AuditLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What staff see and set of a campaign's letters: the mode, the letter per language, each target's sending. */
@Service
@Transactional(readOnly = true)
class StaffLetters {

    private final LetterRepository repository;
    private final Targets targets;
    private final Letters letters;
    private final LetterProperties properties;
    private final AuditLog audit;

    StaffLetters(
            LetterRepository repository,
            Targets targets,
            Letters letters,
            LetterProperties properties,
            AuditLog audit) {
        this.repository = repository;
        this.targets = targets;
        this.letters = letters;
        this.properties = properties;
        this.audit = audit;
    }

    LetterMode campaignMode(long campaignId) {
        return repository.mode(campaignId);
    }

    LetterMode globalMode() {
        return properties.mode();
    }

    /** Every target of the campaign with its letters by status and its sending rules. */
    List<LetterTargetLine> lines(long campaignId, Locale locale) {
        Map<Long, LetterRepository.Counts> counts = new LinkedHashMap<>();
        repository.counts(campaignId).forEach(c -> counts.put(c.targetId(), c));
        Map<Long, LetterRepository.Sending> sendings = new LinkedHashMap<>();
        repository.sendings(campaignId).forEach(s -> sendings.put(s.targetId(), s));
        Map<Long, Set<String>> bounced = repository.allBounced();
        List<LetterTargetLine> lines = new ArrayList<>();
        for (CampaignTarget t : targets.forCampaignStaff(campaignId, locale)) {
            long id = t.target().id();
            var c = counts.getOrDefault(id, new LetterRepository.Counts(id, 0, 0, 0, 0));
            EditableTarget editable = targets.forEditing(id).orElseThrow();
            Set<String> refused = bounced.getOrDefault(id, Set.of());
            lines.add(new LetterTargetLine(
                    t.target(),
                    c.queued(),
                    c.sent(),
                    c.bounced(),
                    c.cancelled(),
                    SendingForm.of(sendings.get(id), zone(editable), properties.hourlyCap()),
                    editable.data().contactEmails().size(),
                    (int) editable.data().contactEmails().stream()
                            .filter(refused::contains)
                            .count(),
                    t.fallback()));
        }
        return lines;
    }

    @Transactional
    void saveLetter(long campaignId, LetterMode mode, Map<String, LetterForm> byLanguage, String actor) {
        repository.setMode(campaignId, mode);
        byLanguage.forEach(
                (language, letter) -> letters.setTemplate(campaignId, language, letter.subject(), letter.text()));
        audit.record(actor, "letters.settings", "campaign", campaignId, "mode " + mode.value());
    }

    /** Saves a target's sending rules; returns the field errors (message keys) when they are not acceptable. */
    @Transactional
    Map<String, String> saveSending(long campaignId, long targetId, SendingForm form, String actor) {
        EditableTarget target = targets.forEditing(targetId).orElseThrow();
        Map<String, String> errors = form.check();
        if (!errors.isEmpty()) {
            return errors;
        }
        ZoneId zone = zone(target);
        repository.ensureSending(campaignId, targetId, properties.hourlyCap());
        repository.saveSending(new LetterRepository.Sending(
                campaignId,
                targetId,
                instant(form.windowStart(), zone),
                instant(form.windowEnd(), zone),
                Integer.parseInt(form.hourFrom().strip()),
                Integer.parseInt(form.hourTo().strip()),
                Integer.parseInt(form.hourlyCap().strip()),
                form.totalCap().isBlank()
                        ? null
                        : Integer.parseInt(form.totalCap().strip()),
                form.paused(),
                null,
                0,
                form.digest()));
        audit.record(
                actor,
                "letters.sending",
                "target",
                targetId,
                "campaign " + campaignId + (form.paused() ? ", paused" : "") + (form.digest() ? ", daily digest" : "")
                        + ", " + form.hourlyCap() + "/h");
        return Map.of();
    }

    /** Cancels every letter still queued to a target; returns how many. */
    @Transactional
    int cancel(long campaignId, long targetId, String actor) {
        int cancelled = repository.cancelQueued(campaignId, targetId);
        audit.record(actor, "letters.cancel", "target", targetId, "campaign " + campaignId + ", " + cancelled);
        return cancelled;
    }

    static ZoneId zone(EditableTarget target) {
        try {
            return ZoneId.of(target.data().timeZone());
        } catch (RuntimeException e) {
            return java.time.ZoneOffset.UTC;
        }
    }

    private static Instant instant(String local, ZoneId zone) {
        return local == null || local.isBlank()
                ? null
                : LocalDateTime.parse(local.strip()).atZone(zone).toInstant();
    }
}

package org.keephope.partner;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.keephope.audit.AuditLog;
import org.keephope.coalition.Organisation;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The partner module's facade: the sign form's consent boxes, embed origins, counts per partner, settings. */
@Service
public class Partners {

    /** Languages a consent text is kept in. */
    static final List<String> LOCALES = List.of("en", "ru");

    private final PartnerDirectory directory;
    private final PartnerRepository repository;
    private final MessageSource messages;
    private final AuditLog audit;
    private final Clock clock;

    Partners(
            PartnerDirectory directory,
            PartnerRepository repository,
            MessageSource messages,
            AuditLog audit,
            Clock clock) {
        this.directory = directory;
        this.repository = repository;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    /** The boxes of a campaign's sign form, in the reader's language; {@code src} kept only when it is a partner. */
    public ConsentBoxes consentBoxes(long campaignId, Locale locale, String src) {
        var partners = directory.of(campaignId);
        List<ConsentBox> boxes = new ArrayList<>();
        for (var p : partners.byOrganisation().values()) {
            var text = p.collects() ? p.text(locale.getLanguage()) : null;
            if (text != null) {
                boxes.add(new ConsentBox(text.id(), p.name(), text.text(), false));
            }
        }
        String known = src != null && partners.bySlug().containsKey(src) ? src : "";
        return new ConsentBoxes(boxes, known);
    }

    /** The origins that may frame this campaign's embedded form: its partners' configured ones. */
    public List<String> embedOrigins(long campaignId) {
        return directory.of(campaignId).byOrganisation().values().stream()
                .map(PartnerDirectory.Partner::embedOrigin)
                .filter(o -> o != null && !o.isBlank())
                .distinct()
                .toList();
    }

    /**
     * A campaign's figures per partner, for the staff start page.
     *
     * @param chart the same figures (confirmed) as bars, drawn by the stats module
     */
    public record CampaignFigures(
            String slug, String title, List<PartnerLine> lines, org.keephope.stats.Figures.PartnerBarsFigure chart) {}

    /** One partner's bar row for the stats module's chart: confirmed attributed signatures and confirmed opt-ins. */
    public static org.keephope.stats.Figures.BarRow bar(PartnerLine line) {
        return new org.keephope.stats.Figures.BarRow(
                line.slug(), line.name(), line.attributedConfirmed(), line.optInsConfirmed());
    }

    /** Per partner of the campaign: signatures attributed to it and opt-ins to it. */
    @Transactional(readOnly = true)
    public List<PartnerLine> lines(long campaignId) {
        Map<Long, PartnerRepository.Count> sources = byOrg(repository.sourceCounts(campaignId));
        Map<Long, PartnerRepository.Count> optIns = byOrg(repository.optInCounts(campaignId));
        List<PartnerLine> lines = new ArrayList<>();
        for (var p : directory.of(campaignId).byOrganisation().values()) {
            var s = sources.get(p.organisationId());
            var o = optIns.get(p.organisationId());
            lines.add(new PartnerLine(
                    p.slug(),
                    p.name(),
                    p.collects(),
                    s == null ? 0 : s.signatures(),
                    s == null ? 0 : s.confirmed(),
                    o == null ? 0 : o.signatures(),
                    o == null ? 0 : o.confirmed()));
        }
        return lines;
    }

    private static Map<Long, PartnerRepository.Count> byOrg(List<PartnerRepository.Count> counts) {
        Map<Long, PartnerRepository.Count> map = new HashMap<>();
        counts.forEach(c -> map.put(c.organisationId(), c));
        return map;
    }

    /** A member's settings for a campaign as staff see them. */
    public record Setting(Organisation organisation, boolean collects, String embedOrigin, Map<String, String> texts) {}

    @Transactional(readOnly = true)
    public Setting setting(long campaignId, Organisation organisation, Locale locale) {
        var s = repository.settings(campaignId).stream()
                .filter(x -> x.organisationId() == organisation.id())
                .findFirst();
        Map<String, String> texts = new HashMap<>();
        for (var t : repository.texts(List.of(organisation.id()))) {
            texts.put(t.locale(), t.text()); // oldest first: the newest wins
        }
        for (String l : LOCALES) {
            texts.putIfAbsent(l, defaultText(organisation, l));
        }
        return new Setting(
                organisation,
                s.map(PartnerRepository.Setting::collects).orElse(false),
                s.map(PartnerRepository.Setting::embedOrigin).orElse(null),
                texts);
    }

    /**
     * Saves a member's settings for a campaign: whether it collects, its embed origin (already checked with
     * {@link #origin}), and its consent texts; a text that differs from the newest becomes a new version. A
     * member that collects always has a text in each language (the default sentence when staff wrote none).
     */
    @Transactional
    public void configure(
            long campaignId,
            Organisation organisation,
            boolean collects,
            String embedOrigin,
            Map<String, String> texts,
            String actor) {
        repository.saveSetting(new PartnerRepository.Setting(campaignId, organisation.id(), collects, embedOrigin));
        Map<String, String> newest = new HashMap<>();
        for (var t : repository.texts(List.of(organisation.id()))) {
            newest.put(t.locale(), t.text());
        }
        for (String l : LOCALES) {
            String wanted = texts.get(l);
            if (wanted == null || wanted.isBlank()) {
                wanted = newest.containsKey(l) || !collects ? null : defaultText(organisation, l);
            }
            if (wanted != null && !wanted.strip().equals(newest.get(l))) {
                repository.addText(organisation.id(), l, wanted.strip(), clock.instant());
                audit.record(actor, "partner.consent-text", "organisation", organisation.id(), l);
            }
        }
        audit.record(
                actor,
                "partner.settings",
                "campaign",
                campaignId,
                organisation.slug() + " collects " + collects + " origin " + embedOrigin);
        directory.forget();
    }

    private String defaultText(Organisation organisation, String locale) {
        return messages.getMessage(
                "partner.consent.default", new Object[] {organisation.name()}, Locale.forLanguageTag(locale));
    }

    /**
     * An origin as a browser sends it ({@code https://example.org}, a port if not the default), from what staff
     * typed; empty for a blank field.
     *
     * @throws IllegalArgumentException when it is not an http(s) origin
     */
    public static Optional<String> origin(String typed) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        String t = typed.strip();
        try {
            URI uri = new URI(t);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean pathless = uri.getRawPath() == null
                    || uri.getRawPath().isEmpty()
                    || uri.getRawPath().equals("/");
            if (!(scheme.equals("https") || scheme.equals("http"))
                    || uri.getHost() == null
                    || uri.getRawUserInfo() != null
                    || uri.getRawQuery() != null
                    || uri.getRawFragment() != null
                    || !pathless
                    || !uri.getHost().matches("[A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+\\]")) {
                throw new IllegalArgumentException("partner.error.origin");
            }
            int port = uri.getPort();
            boolean defaultPort =
                    port == -1 || (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
            return Optional.of(
                    scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port));
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("partner.error.origin");
        }
    }
}

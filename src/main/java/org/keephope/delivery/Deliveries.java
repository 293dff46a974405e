package org.keephope.delivery;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.keephope.audit.AuditLog;
import org.keephope.campaign.CampaignEditing;
import org.keephope.campaign.CampaignStatus;
import org.keephope.campaign.CampaignView;
import org.keephope.campaign.Campaigns;
import org.keephope.support.Sha256;
import org.keephope.target.CampaignTarget;
import org.keephope.target.Target;
import org.keephope.target.Targets;
import org.keephope.web.PageNotFound;
import org.keephope.web.SupportedLocales;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** The delivery module's facade: packages for a campaign's targets, deliveries on record, responses. */
@Service
public class Deliveries {

    /** What a package is: PDF to print or attach, CSV for a spreadsheet. */
    public enum Format {
        PDF("pdf", "application/pdf"),
        CSV("csv", "text/csv;charset=UTF-8");

        final String extension;
        final String contentType;

        Format(String extension, String contentType) {
            this.extension = extension;
            this.contentType = contentType;
        }

        static Optional<Format> of(String value) {
            for (Format f : values()) {
                if (f.extension.equals(value)) {
                    return Optional.of(f);
                }
            }
            return Optional.empty();
        }
    }

    /** A field error of a staff form, as message keys by field. */
    public static final class Invalid extends RuntimeException {
        private final transient Map<String, String> errors;

        Invalid(Map<String, String> errors) {
            super("invalid delivery input", null, false, false);
            this.errors = Map.copyOf(errors);
        }

        public Map<String, String> errors() {
            return errors;
        }
    }

    /** The record form's value for "every target of the campaign", delivered one package made for all. */
    public static final String ALL = "all";

    /** A package as made and sent to staff: its bytes, its SHA-256 (hex) and a file name. */
    public record Made(byte[] bytes, String sha256, String fileName, String contentType) {}

    /** A package made before: which target (null for all), language, format, hash, size, when, by whom. */
    public record MadePackage(
            long id,
            Long targetId,
            String locale,
            String format,
            String sha256,
            long size,
            java.time.Instant madeAt,
            String madeBy) {}

    /** A delivery on record, for staff: everything that was recorded, with the package's format and language. */
    public record OnRecord(
            long id,
            long targetId,
            LocalDate deliveredOn,
            DeliveryMethod method,
            String deliveredBy,
            String note,
            String sha256,
            String format,
            String locale,
            java.time.Instant recordedAt,
            String recordedBy) {}

    /** A delivery as the public sees it under its target: the day, how, and the package's SHA-256. */
    public record Delivered(long targetId, LocalDate on, DeliveryMethod method, String sha256, String format) {}

    private final Campaigns campaigns;
    private final CampaignEditing editing;
    private final Targets targets;
    private final PackageMaker maker;
    private final PackagePdf pdf;
    private final PackageCsv csv;
    private final DeliveryRepository repository;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate transaction;

    Deliveries(
            Campaigns campaigns,
            CampaignEditing editing,
            Targets targets,
            PackageMaker maker,
            PackagePdf pdf,
            PackageCsv csv,
            DeliveryRepository repository,
            AuditLog audit,
            Clock clock,
            TransactionTemplate transaction) {
        this.campaigns = campaigns;
        this.editing = editing;
        this.targets = targets;
        this.maker = maker;
        this.pdf = pdf;
        this.csv = csv;
        this.repository = repository;
        this.audit = audit;
        this.clock = clock;
        this.transaction = transaction;
    }

    /**
     * Makes a campaign's delivery package for one of its targets ({@code targetId}) or for all
     * ({@code null}), in a language, as PDF or CSV; records its hash and who made it (audited: with
     * {@code withSigners} it carries the first names of the signers who chose to be shown).
     *
     * @throws Invalid for a target the campaign does not ask, or a language or format we do not have
     */
    public Made makePackage(
            String slug, Long targetId, String language, String format, boolean withSigners, String actor) {
        Locale locale = SupportedLocales.ALL.stream()
                .filter(l -> l.getLanguage().equals(language))
                .findFirst()
                .orElseThrow(() -> new Invalid(Map.of("language", "delivery.error.language")));
        Format kind = Format.of(format).orElseThrow(() -> new Invalid(Map.of("format", "delivery.error.format")));
        CampaignView campaign = campaign(slug, locale);
        List<Target> asked = targets.forCampaign(campaign.id(), locale).stream()
                .map(CampaignTarget::target)
                .toList();
        List<Target> chosen = targetId == null
                ? asked
                : asked.stream().filter(t -> t.id() == targetId).toList();
        if (chosen.isEmpty()) {
            throw new Invalid(Map.of("target", targetId == null ? "delivery.error.noTargets" : "target.error.unknown"));
        }
        PackageContent content = maker.make(campaign, chosen, targetId == null, withSigners, locale);
        byte[] bytes = kind == Format.PDF ? pdf.render(content, locale) : csv.render(content, locale);
        String sha256 = Sha256.hex(bytes);
        // rendered outside any transaction (it takes a while); recorded in one
        transaction.executeWithoutResult(status -> {
            repository.addPackage(
                    campaign.id(),
                    targetId,
                    locale.getLanguage(),
                    kind.extension,
                    sha256,
                    bytes.length,
                    clock.instant(),
                    actor);
            audit.record(
                    actor,
                    "delivery.package",
                    "campaign",
                    campaign.id(),
                    kind.extension + " " + locale.getLanguage() + " target " + (targetId == null ? "all" : targetId)
                            + (withSigners ? " with shown signers" : "") + " sha256 " + sha256);
        });
        String file = campaign.slug() + "-delivery-"
                + (targetId == null ? "all" : chosen.get(0).externalId().replaceAll("[^A-Za-z0-9._-]", "-")) + "-"
                + locale.getLanguage() + "-" + content.date() + "." + kind.extension;
        return new Made(bytes, sha256, file, kind.contentType);
    }

    /** The packages made for a campaign, newest first. */
    @Transactional(readOnly = true)
    public List<MadePackage> packages(long campaignId) {
        return repository.packages(campaignId, 50);
    }

    /**
     * What a delivery on record must also be: the target one
     * the campaign asks, the day not after tomorrow (UTC, so that a delivery in a time zone ahead is not refused)
     * and the hash that of a package this site made for that target or for all. Audited; never changed later.
     *
     * Returns what is wrong beyond the form's own rules, as field errors (message keys), or none.
     */
    @Transactional(readOnly = true)
    public Map<String, String> problems(String slug, DeliveryForm form) {
        CampaignView campaign = campaign(slug, Locale.ENGLISH);
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        Long targetId = null;
        boolean all = ALL.equals(form.target());
        List<Long> asked = targets.forCampaignStaff(campaign.id(), Locale.ENGLISH).stream()
                .map(t -> t.target().id())
                .toList();
        if (form.target().matches("[0-9]{1,18}")) {
            long id = Long.parseLong(form.target());
            if (asked.contains(id)) {
                targetId = id;
            }
        }
        if (targetId == null && !(all && !asked.isEmpty())) {
            errors.put("target", "target.error.unknown");
        }
        LocalDate on = null;
        try {
            on = LocalDate.parse(form.deliveredOn());
            if (on.isAfter(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(1))
                    || on.isBefore(LocalDate.of(2000, 1, 1))) {
                errors.put("deliveredOn", "delivery.error.future");
            }
        } catch (DateTimeParseException e) {
            errors.put("deliveredOn", "delivery.error.date");
        }
        var method = DeliveryMethod.of(form.method());
        if (method.isEmpty()) {
            errors.put("method", "delivery.error.method");
        }
        if (targetId != null
                && repository
                        .packageFor(campaign.id(), targetId, form.sha256().toLowerCase(Locale.ROOT))
                        .isEmpty()) {
            errors.put("sha256", "delivery.error.unknownPackage");
        }
        if (all
                && !asked.isEmpty()
                && repository
                        .packageForAll(campaign.id(), form.sha256().toLowerCase(Locale.ROOT))
                        .isEmpty()) {
            errors.put("sha256", "delivery.error.unknownPackageForAll");
        }
        return errors;
    }

    /** Puts a delivery on record (see {@link #problems}); audited, and never changed later. */
    @Transactional
    public long record(String slug, DeliveryForm form, String actor) {
        Map<String, String> errors = problems(slug, form);
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        CampaignView campaign = campaign(slug, Locale.ENGLISH);
        LocalDate on = LocalDate.parse(form.deliveredOn());
        var method = DeliveryMethod.of(form.method());
        String sha256 = form.sha256().toLowerCase(Locale.ROOT);
        String note = form.note().isBlank() ? null : form.note().strip();
        boolean all = ALL.equals(form.target());
        List<Long> to = all
                ? targets.forCampaignStaff(campaign.id(), Locale.ENGLISH).stream()
                        .map(t -> t.target().id())
                        .toList()
                : List.of(Long.parseLong(form.target()));
        MadePackage made = all
                ? repository.packageForAll(campaign.id(), sha256).orElseThrow()
                : repository.packageFor(campaign.id(), to.get(0), sha256).orElseThrow();
        long first = 0;
        for (long targetId : to) {
            long id = repository.addRecord(
                    campaign.id(),
                    targetId,
                    on,
                    method.get(),
                    form.deliveredBy().strip(),
                    note,
                    made,
                    clock.instant(),
                    actor);
            first = first == 0 ? id : first;
        }
        audit.record(
                actor,
                "delivery.record",
                "campaign",
                campaign.id(),
                "target " + (all ? "all (" + to.size() + ")" : to.get(0)) + " on " + on + " by "
                        + method.get().value() + " sha256 " + made.sha256());
        return first;
    }

    /** A campaign's deliveries on record, for staff, in the order they happened. */
    @Transactional(readOnly = true)
    public List<OnRecord> records(long campaignId) {
        return repository.records(campaignId);
    }

    /** A campaign's deliveries on record by target, as the public sees them. */
    @Transactional(readOnly = true)
    public Map<Long, List<Delivered>> delivered(long campaignId) {
        Map<Long, List<Delivered>> byTarget = new java.util.LinkedHashMap<>();
        for (OnRecord r : repository.records(campaignId)) {
            byTarget.computeIfAbsent(r.targetId(), k -> new java.util.ArrayList<>())
                    .add(new Delivered(r.targetId(), r.deliveredOn(), r.method(), r.sha256(), r.format()));
        }
        return byTarget;
    }

    /**
     * Staff say the campaign is delivered: a closed campaign moves on (as from the campaign's own screen).
     *
     * @throws Invalid when it is not closed yet
     */
    @Transactional
    public void markDelivered(String slug, String actor) {
        CampaignView campaign = campaign(slug, Locale.ENGLISH);
        if (campaign.status() == CampaignStatus.DELIVERED) {
            return;
        }
        if (campaign.status() != CampaignStatus.CLOSED) {
            throw new Invalid(Map.of("delivered", "delivery.error.notClosed"));
        }
        editing.move(slug, CampaignEditing.Transition.DELIVER, actor);
    }

    CampaignView campaign(String slug, Locale locale) {
        return campaigns.findPublic(slug, locale).orElseThrow(() -> PageNotFound.of("campaign", slug));
    }
}

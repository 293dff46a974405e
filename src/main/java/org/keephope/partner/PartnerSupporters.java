package org.keephope.partner;

import com.google.crypto.tink.HybridEncrypt;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.keephope.audit.AuditLog;
import org.keephope.campaign.CampaignRef;
import org.keephope.campaign.Campaigns;
import org.keephope.coalition.Organisation;
import org.keephope.coalition.Organisations;
import org.keephope.privacy.PersonalData;
import org.keephope.signature.SignatureFeed;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The partner module's facade for the API (issue 12): what a partner organisation's own API key may read, its
 * confirmed opt-ins, with only what the supporter agreed that partner may have (email, names, country,
 * language), and the figures per partner. Every query names the organisation the key belongs to; a campaign
 * it is not a partner of is as absent as one that does not exist.
 *
 * <p>When the partner has registered a public key, the personal data leaves only sealed to it (the export's
 * {@code sealed}: Tink HPKE, associated data {@link PartnerKeys#context}), never in clear: a copy still kept
 * with the host's key (sealed before the key was registered, or by another node within its cache's seconds)
 * is sealed to the partner on the way out. Every read is audited with the key as actor and the organisation.
 */
@Service
public class PartnerSupporters {

    /**
     * One supporter as its partner's key reads it. Either the clear fields ({@code email} … {@code language})
     * or {@code sealed}, never both.
     *
     * @param organisationId the reading partner's (part of the sealed copy's associated data)
     * @param campaign the campaign's slug
     * @param source the slug of the partner the signature was attributed to ({@code ?src=}, or the partner's
     *     own key that pushed it), only when it is the reading partner itself; null otherwise
     */
    public record Supporter(
            UUID signatureId,
            long organisationId,
            String campaign,
            Instant confirmedAt,
            int consentVersion,
            String consentLocale,
            String source,
            String email,
            String firstName,
            String lastName,
            String country,
            String language,
            byte[] sealed) {}

    public record Page(List<Supporter> entries, SignatureFeed.Position next) {}

    public record Numbered(List<Supporter> entries, long total) {}

    private final PartnerRepository repository;
    private final Partners partners;
    private final Campaigns campaigns;
    private final Organisations organisations;
    private final PersonalData personalData;
    private final AuditLog audit;

    PartnerSupporters(
            PartnerRepository repository,
            Partners partners,
            Campaigns campaigns,
            Organisations organisations,
            PersonalData personalData,
            AuditLog audit) {
        this.repository = repository;
        this.partners = partners;
        this.campaigns = campaigns;
        this.organisations = organisations;
        this.personalData = personalData;
        this.audit = audit;
    }

    /** The campaign, if the organisation is one of its partners (whether or not it collects now). */
    @Transactional(readOnly = true)
    public Optional<CampaignRef> campaignOf(long organisationId, String slug) {
        return campaigns.ref(slug).filter(c -> isPartner(organisationId, c.id()));
    }

    @Transactional(readOnly = true)
    public boolean isPartner(long organisationId, long campaignId) {
        return repository.settingsOf(organisationId).stream().anyMatch(s -> s.campaignId() == campaignId);
    }

    /** The organisation's slug, as {@code ?src=} and OSDI's {@code referrer_data.source} name it. */
    @Transactional(readOnly = true)
    public String slugOf(long organisationId) {
        return organisation(organisationId).slug();
    }

    /**
     * Up to {@code limit} confirmed opt-ins of a campaign after {@code after}, confirmed in
     * [{@code since}, {@code until}) (either may be null), in the order of {@link SignatureFeed#page}.
     */
    @Transactional // not read-only: the read is written to the audit log
    public Page page(
            long organisationId,
            long campaignId,
            Instant since,
            Instant until,
            SignatureFeed.Position after,
            int limit,
            String actor) {
        List<PartnerRepository.Opted> rows = new ArrayList<>(repository.optedPage(
                organisationId,
                campaignId,
                since,
                until,
                after == null ? null : after.at(),
                after == null ? null : after.id(),
                limit + 1));
        SignatureFeed.Position next = null;
        if (rows.size() > limit) {
            rows.remove(limit);
            var last = rows.get(limit - 1);
            next = new SignatureFeed.Position(last.confirmedAt(), last.signatureId());
        }
        List<Supporter> shown = shown(organisationId, rows);
        audited(organisationId, campaignId, "confirmed", shown, actor);
        return new Page(shown, next);
    }

    /** By number, for OSDI: of one campaign, or of every campaign of the partner ({@code campaignId} null: people). */
    @Transactional
    public Numbered pageByNumber(long organisationId, Long campaignId, int offset, int limit, String actor) {
        long total = repository.optedCount(organisationId, campaignId);
        List<PartnerRepository.Opted> rows =
                offset >= total ? List.of() : repository.optedByNumber(organisationId, campaignId, offset, limit);
        List<Supporter> shown = shown(organisationId, rows);
        audited(organisationId, campaignId, "confirmed, from " + (offset + 1), shown, actor);
        return new Numbered(shown, total);
    }

    /** One of the partner's supporters by signature id; empty for any other signature (another partner's too). */
    @Transactional
    public Optional<Supporter> one(long organisationId, UUID signatureId, String actor) {
        var row = repository.opted(organisationId, signatureId);
        List<Supporter> shown = shown(organisationId, row.stream().toList());
        if (!shown.isEmpty()) {
            audited(organisationId, row.get().campaignId(), "one", shown, actor);
        }
        return shown.stream().findFirst();
    }

    /** Which partner (by slug) each signature was attributed to, for staff keys. */
    @Transactional(readOnly = true)
    public Map<UUID, String> sources(Collection<UUID> signatureIds) {
        Map<UUID, Long> byOrg = repository.sourcesOf(signatureIds);
        Map<Long, Organisation> orgs = organisations.byIds(List.copyOf(new java.util.HashSet<>(byOrg.values())));
        Map<UUID, String> slugs = new HashMap<>();
        byOrg.forEach((id, org) -> {
            Organisation o = orgs.get(org);
            if (o != null) {
                slugs.put(id, o.slug());
            }
        });
        return slugs;
    }

    /**
     * Figures per partner of a campaign for the API's counts: every partner for a staff key
     * ({@code organisationId} null), the partner's own line alone for its key (none if it is not a partner).
     */
    @Transactional(readOnly = true)
    public List<PartnerLine> lines(long campaignId, Long organisationId) {
        List<PartnerLine> all = partners.lines(campaignId);
        if (organisationId == null) {
            return all;
        }
        String own = organisation(organisationId).slug();
        return all.stream().filter(l -> l.slug().equals(own)).toList();
    }

    private Organisation organisation(long organisationId) {
        Organisation o = organisations.byIds(List.of(organisationId)).get(organisationId);
        if (o == null) {
            throw new IllegalStateException("a key's organisation does not exist");
        }
        return o;
    }

    private List<Supporter> shown(long organisationId, List<PartnerRepository.Opted> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        String own = organisation(organisationId).slug();
        HybridEncrypt key = repository
                .key(organisationId)
                .map(k -> PartnerKeys.encrypter(k.publicKeyset()))
                .orElse(null);
        Map<UUID, Long> sources = repository.sourcesOf(
                rows.stream().map(PartnerRepository.Opted::signatureId).toList());
        Map<Long, String> slugs = new HashMap<>();
        List<Supporter> shown = new ArrayList<>();
        for (var r : rows) {
            String campaign = slugs.computeIfAbsent(
                    r.campaignId(),
                    id -> campaigns.ref(id).map(CampaignRef::slug).orElse(""));
            // another partner's attribution is that partner's figure, not this one's to see
            String source = Long.valueOf(organisationId).equals(sources.get(r.signatureId())) ? own : null;
            byte[] sealed = r.sealed();
            SupporterRecord clear = null;
            if (r.sealedWith().equals("HOST")) {
                byte[] plain = personalData.decryptBytes(
                        r.sealed(), ConsentAttachment.hostContext(r.signatureId(), organisationId));
                if (key == null) {
                    clear = SupporterRecord.parse(plain);
                    sealed = null;
                } else {
                    sealed = seal(key, plain, r.signatureId(), organisationId);
                }
            }
            shown.add(new Supporter(
                    r.signatureId(),
                    organisationId,
                    campaign,
                    r.confirmedAt(),
                    r.consentVersion(),
                    r.consentLocale(),
                    source,
                    clear == null ? null : clear.email(),
                    clear == null ? null : clear.firstName(),
                    clear == null ? null : clear.lastName(),
                    clear == null ? null : clear.country(),
                    clear == null ? null : clear.locale(),
                    sealed));
        }
        return shown;
    }

    private static byte[] seal(HybridEncrypt key, byte[] plain, UUID signatureId, long organisationId) {
        try {
            return key.encrypt(plain, PartnerKeys.context(signatureId, organisationId));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealing to a partner's key failed", e);
        }
    }

    private void audited(long organisationId, Long campaignId, String what, List<Supporter> shown, String actor) {
        long sealed = shown.stream().filter(s -> s.sealed() != null).count();
        audit.record(
                actor,
                "partner.api-read",
                campaignId == null ? "organisation" : "campaign",
                campaignId == null ? organisationId : campaignId,
                "organisation " + organisationId + ", " + what + ", " + shown.size() + " supporters, " + sealed
                        + " sealed");
    }
}

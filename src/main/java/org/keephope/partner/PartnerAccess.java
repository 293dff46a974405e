package org.keephope.partner;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.keephope.account.StaffMember;
import org.keephope.audit.AuditLog;
import org.keephope.campaign.CampaignRef;
import org.keephope.campaign.Campaigns;
import org.keephope.coalition.Organisation;
import org.keephope.coalition.Organisations;
import org.keephope.privacy.PersonalData;
import org.keephope.stats.Figures;
import org.keephope.stats.Stats;
import org.keephope.web.PageNotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a PARTNER account may do, always for its own organisation alone: the organisation comes from the
 * signed-in account, never from the request, and a campaign it is not a partner of is not found.
 */
@Service
class PartnerAccess {

    private final PartnerRepository repository;
    private final PartnerDirectory directory;
    private final Campaigns campaigns;
    private final Organisations organisations;
    private final PersonalData personalData;
    private final AuditLog audit;
    private final Clock clock;
    private final Stats stats;

    PartnerAccess(
            PartnerRepository repository,
            PartnerDirectory directory,
            Campaigns campaigns,
            Organisations organisations,
            PersonalData personalData,
            AuditLog audit,
            Clock clock,
            Stats stats) {
        this.repository = repository;
        this.directory = directory;
        this.campaigns = campaigns;
        this.organisations = organisations;
        this.personalData = personalData;
        this.audit = audit;
        this.clock = clock;
        this.stats = stats;
    }

    static long organisationOf(StaffMember me) {
        if (me == null || me.organisationId() == null) {
            throw new org.springframework.security.access.AccessDeniedException("not a partner account");
        }
        return me.organisationId();
    }

    Organisation organisation(StaffMember me) {
        long id = organisationOf(me);
        return organisations.byIds(List.of(id)).get(id);
    }

    Optional<PartnerRepository.Key> key(StaffMember me) {
        return repository.key(organisationOf(me));
    }

    @Transactional(readOnly = true)
    List<PartnerFigures> figures(StaffMember me, Locale locale) {
        long org = organisationOf(me);
        List<PartnerFigures> figures = new ArrayList<>();
        for (var s : repository.settingsOf(org)) {
            var summary = campaigns.summary(s.campaignId(), locale);
            if (summary.isEmpty()) {
                continue;
            }
            var own = repository.attributedTo(org, s.campaignId());
            var byCountry = repository.optInsByCountry(org, s.campaignId());
            long optIns = byCountry.values().stream().mapToLong(Long::longValue).sum();
            var self = organisation(me);
            // this partner's own row alone: the chart never sees another partner's figures
            var chart = stats.partnerBars(
                    List.of(new Figures.BarRow(self.slug(), self.name(), own.confirmed(), optIns)),
                    locale,
                    "partner-bars-" + summary.get().slug());
            figures.add(new PartnerFigures(
                    summary.get().slug(),
                    summary.get().title(),
                    s.collects(),
                    own.signatures(),
                    own.confirmed(),
                    optIns,
                    byCountry,
                    repository.optInsByDay(org, s.campaignId()),
                    chart));
        }
        return figures;
    }

    /** The campaign, if this partner is one of its partners; else "not found" (as for a campaign that does not exist). */
    private CampaignRef campaign(long org, String slug) {
        return campaigns
                .ref(slug)
                .filter(c -> repository.settingsOf(org).stream().anyMatch(s -> s.campaignId() == c.id()))
                .orElseThrow(() -> PageNotFound.of("campaign", slug));
    }

    /** The export of this partner's opted-in, confirmed supporters of a campaign; audited. */
    @Transactional
    String export(StaffMember me, String slug) throws IOException {
        long org = organisationOf(me);
        CampaignRef campaign = campaign(org, slug);
        resealToKey(org);
        List<PartnerExport.Line> lines = new ArrayList<>();
        for (var s : repository.supporters(org, campaign.id())) {
            boolean host = s.sealedWith().equals("HOST");
            SupporterRecord record = host
                    ? SupporterRecord.parse(
                            personalData.decryptBytes(s.sealed(), ConsentAttachment.hostContext(s.signatureId(), org)))
                    : null;
            lines.add(new PartnerExport.Line(
                    s.signatureId(),
                    slug,
                    org,
                    s.confirmedAt(),
                    s.consentVersion(),
                    s.consentLocale(),
                    record,
                    host ? null : s.sealed()));
        }
        audit.record(
                me.email(),
                "partner.export",
                "campaign",
                campaign.id(),
                "organisation " + org + ", " + lines.size() + " supporters");
        return PartnerExport.csv(lines);
    }

    /**
     * Registers (or replaces) the partner's public key; every copy sealed with the host's key until now is
     * sealed again to it, in the same transaction, so that from then on the host holds none it can read.
     *
     * @throws IllegalArgumentException with a message key when the keyset is not an HPKE public keyset
     */
    @Transactional
    void registerKey(StaffMember me, String publicKeyset) {
        long org = organisationOf(me);
        String checked = PartnerKeys.checkedPublic(publicKeyset);
        repository.saveKey(org, checked, clock.instant());
        directory.forget();
        int resealed = resealToKey(org);
        audit.record(me.email(), "partner.key", "organisation", org, "resealed " + resealed);
    }

    private int resealToKey(long org) {
        var key = repository.key(org);
        if (key.isEmpty()) {
            return 0;
        }
        var encrypter = PartnerKeys.encrypter(key.get().publicKeyset());
        var hostSealed = repository.sealedByHost(org);
        for (var s : hostSealed) {
            byte[] plain = personalData.decryptBytes(s.sealed(), ConsentAttachment.hostContext(s.signatureId(), org));
            try {
                repository.reseal(
                        s.signatureId(), org, encrypter.encrypt(plain, PartnerKeys.context(s.signatureId(), org)));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("sealing to a partner's key failed", e);
            }
        }
        return hostSealed.size();
    }
}

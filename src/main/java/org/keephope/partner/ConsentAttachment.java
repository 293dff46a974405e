package org.keephope.partner;

import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.keephope.privacy.PersonalData;
import org.keephope.signature.SignatureAttachment;
import org.springframework.stereotype.Component;

/**
 * The partner module's part of a new signature, written in its transaction: one consent row per box the form
 * showed (which text version, ticked or not, when, on which page), the sealed copy for each partner whose box
 * was ticked, and the partner named by {@code ?src=}. The form names the boxes it showed
 * ({@code consentShown}: text ids); ids that are not texts of this campaign's collecting partners are ignored,
 * and so is a {@code src} that is not one of its partners. Sealing happens here, on the request thread.
 */
@Component
class ConsentAttachment implements SignatureAttachment<ConsentAttachment.Rows> {

    static final String HOST_CONTEXT_PREFIX = "partner.supporter";

    record Consent(
            UUID signatureId,
            long organisationId,
            long campaignId,
            long textId,
            boolean ticked,
            Instant shownAt,
            String page,
            String country) {}

    record Copy(
            UUID signatureId,
            long organisationId,
            long campaignId,
            byte[] sealed,
            String sealedWith,
            Instant createdAt) {}

    record Source(UUID signatureId, long organisationId, long campaignId, String country, Instant createdAt) {}

    record Rows(List<Consent> consents, List<Copy> copies, Source source) {}

    private final PartnerDirectory directory;
    private final PartnerRepository repository;
    private final PersonalData personalData;

    ConsentAttachment(PartnerDirectory directory, PartnerRepository repository, PersonalData personalData) {
        this.directory = directory;
        this.repository = repository;
        this.personalData = personalData;
    }

    @Override
    public Rows prepare(Draft d) {
        var partners = directory.of(d.campaignId());
        if (partners.byOrganisation().isEmpty()) {
            return null;
        }
        Map<Long, PartnerRepository.Text> shown = new LinkedHashMap<>();
        for (String token : d.params().getOrDefault("consentShown", "").split("[\\s,]+")) {
            Long id = number(token);
            var text = id == null ? null : partners.textsById().get(id);
            if (text == null) {
                continue;
            }
            var partner = partners.byOrganisation().get(text.organisationId());
            if (partner != null && partner.collects()) {
                shown.putIfAbsent(partner.organisationId(), text);
            }
        }
        List<Consent> consents = new ArrayList<>();
        List<Copy> copies = new ArrayList<>();
        String page = d.page().length() > 200 ? d.page().substring(0, 200) : d.page();
        for (var text : shown.values()) {
            boolean ticked = d.params().containsKey("consent_" + text.id());
            consents.add(new Consent(
                    d.signatureId(),
                    text.organisationId(),
                    d.campaignId(),
                    text.id(),
                    ticked,
                    d.at(),
                    page,
                    d.country()));
            if (ticked) {
                copies.add(seal(d, partners.byOrganisation().get(text.organisationId())));
            }
        }
        String src = d.params().get("src");
        var from = src == null ? null : partners.bySlug().get(src);
        Source source = from == null
                ? null
                : new Source(d.signatureId(), from.organisationId(), d.campaignId(), d.country(), d.at());
        if (consents.isEmpty() && source == null) {
            return null;
        }
        return new Rows(consents, copies, source);
    }

    private Copy seal(Draft d, PartnerDirectory.Partner partner) {
        byte[] plain = new SupporterRecord(d.email(), d.firstName(), d.lastName(), d.country(), d.locale()).bytes();
        byte[] context = PartnerKeys.context(d.signatureId(), partner.organisationId());
        if (partner.key() != null) {
            try {
                byte[] sealed = partner.key().encrypt(plain, context);
                return new Copy(d.signatureId(), partner.organisationId(), d.campaignId(), sealed, "PARTNER", d.at());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("sealing to a partner's key failed", e);
            }
        }
        byte[] sealed = personalData.encrypt(plain, hostContext(d.signatureId(), partner.organisationId()));
        return new Copy(d.signatureId(), partner.organisationId(), d.campaignId(), sealed, "HOST", d.at());
    }

    static String hostContext(UUID signatureId, long organisationId) {
        return HOST_CONTEXT_PREFIX + ":" + signatureId + ":" + organisationId;
    }

    @Override
    public void write(List<Rows> prepared) {
        List<Consent> consents = new ArrayList<>();
        List<Copy> copies = new ArrayList<>();
        List<Source> sources = new ArrayList<>();
        for (Rows r : prepared) {
            consents.addAll(r.consents());
            copies.addAll(r.copies());
            if (r.source() != null) {
                sources.add(r.source());
            }
        }
        repository.insertConsents(consents);
        repository.insertCopies(copies);
        repository.insertSources(sources);
    }

    private static Long number(String s) {
        if (s.isEmpty() || s.length() > 18 || !s.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Long.parseLong(s);
    }
}

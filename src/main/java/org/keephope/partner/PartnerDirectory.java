package org.keephope.partner;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.google.crypto.tink.HybridEncrypt;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keephope.coalition.Organisation;
import org.keephope.coalition.Organisations;
import org.springframework.stereotype.Component;

/**
 * A campaign's partners as the sign form needs them, read once and kept for a few seconds per node, so that
 * the sign POST does no look-up of its own: who collects, their consent texts (every version, so a form
 * served just before an edit is still recorded with the text it showed), their embed origins and keys.
 */
@Component
class PartnerDirectory {

    /** One coalition member in one campaign. {@code key} is null while the partner has registered none. */
    record Partner(
            long organisationId,
            String slug,
            String name,
            boolean collects,
            String embedOrigin,
            HybridEncrypt key,
            Map<String, PartnerRepository.Text> current) {

        /** The newest text in this locale, else in English, else any. */
        PartnerRepository.Text text(String locale) {
            var text = current.get(locale);
            if (text == null) {
                text = current.get("en");
            }
            return text != null ? text : current.values().stream().findFirst().orElse(null);
        }
    }

    record CampaignPartners(
            Map<Long, Partner> byOrganisation,
            Map<Long, PartnerRepository.Text> textsById,
            Map<String, Partner> bySlug) {}

    private final PartnerRepository repository;
    private final Organisations organisations;
    private final LoadingCache<Long, CampaignPartners> cache;

    PartnerDirectory(PartnerRepository repository, Organisations organisations) {
        this.repository = repository;
        this.organisations = organisations;
        this.cache = Caffeine.newBuilder()
                .expireAfterWrite(Duration.ofSeconds(5))
                .maximumSize(1000)
                .build(this::load);
    }

    CampaignPartners of(long campaignId) {
        return cache.get(campaignId);
    }

    /** After a change on this node; other nodes see it within the cache's five seconds. */
    void forget() {
        cache.invalidateAll();
    }

    private CampaignPartners load(long campaignId) {
        List<PartnerRepository.Setting> settings = repository.settings(campaignId);
        List<Long> ids =
                settings.stream().map(PartnerRepository.Setting::organisationId).toList();
        Map<Long, Organisation> orgs = organisations.byIds(ids);
        Map<Long, PartnerRepository.Text> byId = new HashMap<>();
        Map<Long, Map<String, PartnerRepository.Text>> current = new HashMap<>();
        for (var text : repository.texts(ids)) {
            byId.put(text.id(), text);
            // oldest first: the last one seen per locale is the newest
            current.computeIfAbsent(text.organisationId(), k -> new LinkedHashMap<>())
                    .put(text.locale(), text);
        }
        Map<Long, HybridEncrypt> keys = new HashMap<>();
        for (var key : repository.keys(ids)) {
            keys.put(key.organisationId(), PartnerKeys.encrypter(key.publicKeyset()));
        }
        Map<Long, Partner> partners = new LinkedHashMap<>();
        Map<String, Partner> bySlug = new HashMap<>();
        for (var s : settings) {
            Organisation o = orgs.get(s.organisationId());
            if (o == null) {
                continue;
            }
            Partner p = new Partner(
                    o.id(),
                    o.slug(),
                    o.name(),
                    s.collects(),
                    s.embedOrigin(),
                    keys.get(o.id()),
                    current.getOrDefault(o.id(), Map.of()));
            partners.put(o.id(), p);
            bySlug.put(o.slug(), p);
        }
        return new CampaignPartners(partners, byId, bySlug);
    }
}

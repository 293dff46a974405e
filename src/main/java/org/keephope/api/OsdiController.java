package org.keephope.api;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keephope.apikey.ApiGuard;
import org.keephope.apikey.ApiKey;
import org.keephope.apikey.ApiScope;
import org.keephope.campaign.CampaignSummary;
import org.keephope.campaign.CampaignView;
import org.keephope.campaign.Campaigns;
import org.keephope.partner.PartnerSupporters;
import org.keephope.signature.SignatureCounts;
import org.keephope.signature.SignatureFeed;
import org.keephope.target.Targets;
import org.keephope.web.SiteProperties;
import org.keephope.web.SupportedLocales;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * OSDI 1.2 (issue 12 item 4), HAL+JSON under {@code /api/osdi/v1}, for the tools coalitions already use: the
 * entry point, petitions (our campaigns), their signatures (with the signer inline, as far as they agreed to
 * share), the record signature helper (a signature with an inline person, through the same path as the v1
 * POST: the double opt-in mail goes out), and advocacy campaigns (a campaign's targets). Paging is OSDI's
 * ({@code page}, {@code per_page}, {@code total_pages}, {@code total_records}, {@code next}/{@code previous}).
 * Keys, scopes, problems and audit are those of the v1 API. People ({@code osdi:people}) are partner-scoped:
 * a partner's key reads its own confirmed opt-ins as people, and its petitions' signatures are those opt-ins,
 * through the partner module's facade ({@link PartnerSupporters}).
 */
@RestController
@RequestMapping(value = OsdiController.ROOT, produces = OsdiController.HAL_JSON)
class OsdiController {

    static final String ROOT = "/api/osdi/v1";
    static final String HAL_JSON = "application/hal+json";
    static final int DEFAULT_PER_PAGE = 25;
    static final int MAX_PER_PAGE = 100;
    static final String ORIGIN = "KeepHope";

    private static final CacheControl PUBLIC =
            CacheControl.maxAge(Duration.ofSeconds(5)).cachePublic();

    private final ApiGuard guard;
    private final Campaigns campaigns;
    private final SignatureCounts counts;
    private final SignatureFeed feed;
    private final Targets targets;
    private final ApiSigning signing;
    private final SiteProperties site;
    private final PartnerSupporters partners;

    OsdiController(
            PartnerSupporters partners,
            ApiGuard guard,
            Campaigns campaigns,
            SignatureCounts counts,
            SignatureFeed feed,
            Targets targets,
            ApiSigning signing,
            SiteProperties site) {
        this.partners = partners;
        this.guard = guard;
        this.campaigns = campaigns;
        this.counts = counts;
        this.feed = feed;
        this.targets = targets;
        this.signing = signing;
        this.site = site;
    }

    @GetMapping
    ResponseEntity<Map<String, Object>> entryPoint(HttpServletRequest request) {
        guard.optional(request, ApiScope.READ_CAMPAIGNS);
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("self", link(ROOT, null));
        links.put(
                "curies",
                List.of(Map.of("name", "osdi", "href", site.absolute("/docs/api#osdi-{rel}"), "templated", true)));
        links.put("osdi:petitions", link(ROOT + "/petitions", "The collection of petitions"));
        links.put(
                "osdi:advocacy_campaigns", link(ROOT + "/advocacy_campaigns", "The collection of advocacy campaigns"));
        links.put("osdi:people", link(ROOT + "/people", "A partner's own supporters (a partner's key)"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("motd", "KeepHope: petitions of human-rights coalitions, double opt-in.");
        body.put("vendor_name", ORIGIN);
        body.put("product_name", ORIGIN);
        body.put("osdi_version", "1.2");
        body.put("max_pagesize", MAX_PER_PAGE);
        body.put("namespace", "keephope");
        body.put("_links", links);
        return hal(body, PUBLIC);
    }

    @GetMapping("/petitions")
    ResponseEntity<Map<String, Object>> petitions(
            @RequestParam(required = false) String page,
            @RequestParam(name = "per_page", required = false) String perPage,
            HttpServletRequest request) {
        guard.optional(request, ApiScope.READ_CAMPAIGNS);
        Paging paging = Paging.of(page, perPage);
        List<CampaignSummary> all = campaigns.published(SupportedLocales.ENGLISH);
        List<Map<String, Object>> shown = paging.slice(all).stream()
                .map(c -> petition(
                        campaigns.findPublic(c.slug(), SupportedLocales.ENGLISH).orElseThrow()))
                .toList();
        return hal(collection(ROOT + "/petitions", "osdi:petitions", shown, paging, all.size()), PUBLIC);
    }

    @GetMapping("/petitions/{id}")
    ResponseEntity<Map<String, Object>> petition(@PathVariable String id, HttpServletRequest request) {
        guard.optional(request, ApiScope.READ_CAMPAIGNS);
        return hal(petition(find(id)), PUBLIC);
    }

    @GetMapping("/petitions/{id}/signatures")
    ResponseEntity<Map<String, Object>> signatures(
            @PathVariable String id,
            @RequestParam(required = false) String page,
            @RequestParam(name = "per_page", required = false) String perPage,
            HttpServletRequest request) {
        ApiKey key = guard.require(request, ApiScope.READ_SIGNATURES);
        Paging paging = Paging.of(page, perPage);
        if (key.organisationId() != null) {
            long campaignId = partners.campaignOf(key.organisationId(), id)
                    .filter(c -> c.status().isPublic())
                    .orElseThrow(ApiProblem::notPartner)
                    .id();
            PartnerSupporters.Numbered numbered = partners.pageByNumber(
                    key.organisationId(), campaignId, paging.offset(), paging.perPage(), key.actor());
            paging.check(numbered.total());
            String petition = petitionPath(id);
            List<Map<String, Object>> shown = numbered.entries().stream()
                    .map(s -> partnerSignature(s, petition))
                    .toList();
            return hal(
                    collection(petition + "/signatures", "osdi:signatures", shown, paging, numbered.total()),
                    CacheControl.noStore());
        }
        CampaignView campaign = find(id);
        SignatureFeed.Numbered numbered =
                feed.pageByNumber(campaign.id(), paging.offset(), paging.perPage(), key.actor());
        paging.check(numbered.total());
        String petition = petitionPath(campaign.slug());
        Map<java.util.UUID, String> sources = partners.sources(
                numbered.entries().stream().map(SignatureFeed.Entry::id).toList());
        List<Map<String, Object>> shown = numbered.entries().stream()
                .map(e -> signature(e, petition, sources.get(e.id())))
                .toList();
        return hal(
                collection(petition + "/signatures", "osdi:signatures", shown, paging, numbered.total()),
                CacheControl.noStore());
    }

    /** A partner's people: its confirmed opt-ins of every campaign it is a partner of (partner keys only). */
    @GetMapping("/people")
    ResponseEntity<Map<String, Object>> people(
            @RequestParam(required = false) String page,
            @RequestParam(name = "per_page", required = false) String perPage,
            HttpServletRequest request) {
        ApiKey key = guard.require(request, ApiScope.READ_SIGNATURES);
        long organisation = partnerOf(key);
        Paging paging = Paging.of(page, perPage);
        PartnerSupporters.Numbered numbered =
                partners.pageByNumber(organisation, null, paging.offset(), paging.perPage(), key.actor());
        paging.check(numbered.total());
        List<Map<String, Object>> shown =
                numbered.entries().stream().map(this::person).toList();
        return hal(
                collection(ROOT + "/people", "osdi:people", shown, paging, numbered.total()), CacheControl.noStore());
    }

    /** One of the partner's people; any other id (another partner's supporter, none at all) is not found. */
    @GetMapping("/people/{id}")
    ResponseEntity<Map<String, Object>> person(@PathVariable String id, HttpServletRequest request) {
        ApiKey key = guard.require(request, ApiScope.READ_SIGNATURES);
        long organisation = partnerOf(key);
        java.util.UUID signatureId;
        try {
            signatureId = java.util.UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.notFound("person");
        }
        return hal(
                person(partners.one(organisation, signatureId, key.actor())
                        .orElseThrow(() -> ApiProblem.notFound("person"))),
                CacheControl.noStore());
    }

    private static long partnerOf(ApiKey key) {
        if (key.organisationId() == null) {
            throw ApiProblem.partnerOnly("OSDI people are a partner's own supporters: read them with the partner's"
                    + " key. A staff key reads a petition's signatures.");
        }
        return key.organisationId();
    }

    /**
     * OSDI's record signature helper: a person inline ({@code given_name}, {@code family_name},
     * {@code email_addresses[0].address}, {@code postal_addresses[0].country}; an address whose
     * {@code status} is {@code subscribed} means "keep me informed"), {@code comments}, {@code add_tags}
     * (accepted, not kept) and {@code triggers.autoresponse} (the confirmation mail always goes: it is the
     * double opt-in, not a courtesy). Answered 202 for new and known addresses alike.
     */
    @PostMapping(value = "/petitions/{id}/record_signature_helper", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> recordSignature(
            @PathVariable String id, @RequestBody(required = false) byte[] body, HttpServletRequest request) {
        ApiKey key = guard.require(request, ApiScope.WRITE_SIGNATURES);
        var target = signing.target(key, id);
        signing.submit(key, target, OsdiSignature.read(body, signing.json()), ROOT, OsdiSignature.FIELD_NAMES);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("origin_system", ORIGIN);
        answer.put("status", "pending");
        answer.put("detail", ApiSigning.ACCEPTED);
        answer.put("_links", Map.of("osdi:petition", link(petitionPath(id), null)));
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .cacheControl(CacheControl.noStore())
                .contentType(MediaType.parseMediaType(HAL_JSON))
                .body(answer);
    }

    @GetMapping("/advocacy_campaigns")
    ResponseEntity<Map<String, Object>> advocacyCampaigns(
            @RequestParam(required = false) String page,
            @RequestParam(name = "per_page", required = false) String perPage,
            HttpServletRequest request) {
        guard.optional(request, ApiScope.READ_CAMPAIGNS);
        Paging paging = Paging.of(page, perPage);
        List<CampaignSummary> all = campaigns.published(SupportedLocales.ENGLISH);
        List<Map<String, Object>> shown = paging.slice(all).stream()
                .map(c -> advocacyCampaign(
                        campaigns.findPublic(c.slug(), SupportedLocales.ENGLISH).orElseThrow()))
                .toList();
        return hal(
                collection(ROOT + "/advocacy_campaigns", "osdi:advocacy_campaigns", shown, paging, all.size()), PUBLIC);
    }

    @GetMapping("/advocacy_campaigns/{id}")
    ResponseEntity<Map<String, Object>> advocacyCampaign(@PathVariable String id, HttpServletRequest request) {
        guard.optional(request, ApiScope.READ_CAMPAIGNS);
        return hal(advocacyCampaign(find(id)), PUBLIC);
    }

    private CampaignView find(String id) {
        return campaigns.findPublic(id, SupportedLocales.ENGLISH).orElseThrow(() -> ApiProblem.notFound("petition"));
    }

    private Map<String, Object> petition(CampaignView c) {
        String self = petitionPath(c.slug());
        Map<String, Object> p = common(c);
        p.put("total_signatures", counts.tally(c.id()).total());
        p.put(
                "target",
                targets.listed(c.id()).stream()
                        .map(t -> Map.of("name", t.name() + ", " + t.title()))
                        .toList());
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("self", link(self, null));
        links.put("osdi:signatures", link(self + "/signatures", null));
        links.put("osdi:record_signature_helper", link(self + "/record_signature_helper", null));
        p.put("_links", links);
        return p;
    }

    private Map<String, Object> advocacyCampaign(CampaignView c) {
        String self = ROOT + "/advocacy_campaigns/" + PublicApiController.path("{slug}", c.slug());
        Map<String, Object> a = common(c);
        a.put("type", "email");
        List<Map<String, Object>> shown = new ArrayList<>();
        for (Targets.Listed t : targets.listed(c.id())) {
            Map<String, Object> target = new LinkedHashMap<>();
            String[] name = t.name().split(" ", 2);
            target.put("title", t.title());
            target.put("given_name", name[0]);
            target.put("family_name", name.length > 1 ? name[1] : "");
            target.put("name", t.name());
            target.put("country", t.country());
            shown.add(target);
        }
        a.put("targets", shown);
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("self", link(self, null));
        links.put("osdi:petition", link(petitionPath(c.slug()), null));
        a.put("_links", links);
        return a;
    }

    private Map<String, Object> common(CampaignView c) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("identifiers", List.of("keephope:" + c.slug()));
        p.put("origin_system", ORIGIN);
        p.put("created_date", c.updatedAt());
        p.put("modified_date", c.updatedAt());
        p.put("title", c.title());
        p.put("summary", c.summary());
        p.put("description", c.bodyHtml());
        p.put("browser_url", site.absolute(PublicApiController.path("/campaigns/{slug}", c.slug())));
        return p;
    }

    private Map<String, Object> partnerSignature(PartnerSupporters.Supporter supporter, String petition) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("identifiers", List.of("keephope:" + supporter.signatureId()));
        s.put("origin_system", ORIGIN);
        s.put("created_date", supporter.confirmedAt());
        s.put("modified_date", supporter.confirmedAt());
        s.put("action_date", supporter.confirmedAt());
        if (supporter.source() != null) {
            s.put("referrer_data", Map.of("source", supporter.source()));
        }
        s.put("_embedded", Map.of("osdi:person", person(supporter)));
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("osdi:petition", link(petition, null));
        links.put("osdi:person", link(personPath(supporter), null));
        s.put("_links", links);
        return s;
    }

    /**
     * A partner's supporter as an OSDI person: what they agreed the partner may have, or, when the partner
     * registered a public key, only {@code custom_fields.sealed} (the same ciphertext as the export's).
     */
    private Map<String, Object> person(PartnerSupporters.Supporter supporter) {
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("identifiers", List.of("keephope:" + supporter.signatureId()));
        person.put("origin_system", ORIGIN);
        person.put("created_date", supporter.confirmedAt());
        person.put("modified_date", supporter.confirmedAt());
        if (supporter.sealed() == null) {
            person.put("given_name", supporter.firstName());
            person.put("family_name", supporter.lastName());
            person.put(
                    "email_addresses",
                    List.of(Map.of("address", supporter.email(), "primary", true, "status", "subscribed")));
            person.put("postal_addresses", List.of(Map.of("country", supporter.country())));
            person.put("languages_spoken", List.of(supporter.language()));
        }
        Map<String, Object> custom = new LinkedHashMap<>();
        custom.put("campaign", supporter.campaign());
        custom.put("organisation_id", supporter.organisationId());
        custom.put("consent_version", supporter.consentVersion());
        custom.put("consent_locale", supporter.consentLocale());
        if (supporter.sealed() != null) {
            custom.put("sealed", java.util.Base64.getEncoder().encodeToString(supporter.sealed()));
        }
        person.put("custom_fields", custom);
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("self", link(personPath(supporter), null));
        links.put("osdi:petition", link(petitionPath(supporter.campaign()), null));
        person.put("_links", links);
        return person;
    }

    private static String personPath(PartnerSupporters.Supporter supporter) {
        return ROOT + "/people/" + supporter.signatureId();
    }

    private Map<String, Object> signature(SignatureFeed.Entry e, String petition, String source) {
        Map<String, Object> person = new LinkedHashMap<>();
        if (e.email() != null) {
            person.put("given_name", e.firstName());
            person.put("family_name", e.lastName());
            person.put(
                    "email_addresses", List.of(Map.of("address", e.email(), "primary", true, "status", "subscribed")));
        }
        person.put("postal_addresses", List.of(Map.of("country", e.country())));
        person.put("languages_spoken", List.of(e.language()));
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("identifiers", List.of("keephope:" + e.id()));
        s.put("origin_system", ORIGIN);
        s.put("created_date", e.createdAt());
        s.put("modified_date", e.confirmedAt());
        s.put("action_date", e.confirmedAt());
        if (e.comment() != null) {
            s.put("comments", e.comment());
        }
        if (source != null) {
            s.put("referrer_data", Map.of("source", source));
        }
        s.put("_embedded", Map.of("osdi:person", person));
        s.put("_links", Map.of("osdi:petition", link(petition, null)));
        return s;
    }

    private Map<String, Object> collection(
            String path, String rel, List<Map<String, Object>> items, Paging paging, long total) {
        int totalPages = (int) Math.max(1, (total + paging.perPage() - 1) / paging.perPage());
        if (paging.page() > totalPages) {
            throw ApiProblem.pastTheEnd();
        }
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("self", link(paging.href(path, paging.page()), null));
        if (paging.page() < totalPages) {
            links.put("next", link(paging.href(path, paging.page() + 1), null));
        }
        if (paging.page() > 1) {
            links.put("previous", link(paging.href(path, paging.page() - 1), null));
        }
        links.put(
                rel,
                items.stream()
                        .map(i -> ((Map<?, ?>) i.get("_links")).get("self"))
                        .filter(java.util.Objects::nonNull)
                        .toList());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("total_pages", totalPages);
        body.put("per_page", paging.perPage());
        body.put("page", paging.page());
        body.put("total_records", total);
        body.put("_links", links);
        body.put("_embedded", Map.of(rel, items));
        return body;
    }

    private static String petitionPath(String slug) {
        return ROOT + "/petitions/" + PublicApiController.path("{slug}", slug);
    }

    private Map<String, Object> link(String path, String title) {
        Map<String, Object> link = new LinkedHashMap<>();
        link.put("href", site.absolute(path));
        if (title != null) {
            link.put("title", title);
        }
        return link;
    }

    private static ResponseEntity<Map<String, Object>> hal(Map<String, Object> body, CacheControl cache) {
        return ResponseEntity.ok()
                .cacheControl(cache)
                .contentType(MediaType.parseMediaType(HAL_JSON))
                .body(body);
    }

    /** OSDI's page and per_page, checked. */
    record Paging(int page, int perPage) {

        static Paging of(String page, String perPage) {
            return new Paging(
                    number("page", page, 1, Integer.MAX_VALUE, 1),
                    number("per_page", perPage, 1, MAX_PER_PAGE, DEFAULT_PER_PAGE));
        }

        int offset() {
            long offset = (long) (page - 1) * perPage;
            if (offset > Integer.MAX_VALUE) {
                throw ApiProblem.pastTheEnd();
            }
            return (int) offset;
        }

        <T> List<T> slice(List<T> all) {
            check(all.size());
            int from = Math.min(offset(), all.size());
            return all.subList(from, Math.min(all.size(), from + perPage));
        }

        void check(long total) {
            long totalPages = Math.max(1, (total + perPage - 1) / perPage);
            if (page > totalPages) {
                throw ApiProblem.pastTheEnd();
            }
        }

        String href(String path, int number) {
            return path + "?page=" + number + "&per_page=" + perPage;
        }

        private static int number(String name, String value, int min, int max, int otherwise) {
            if (value == null || value.isEmpty()) {
                return otherwise;
            }
            try {
                int n = Integer.parseInt(value);
                if (n >= min && n <= max) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // answered below
            }
            throw ApiProblem.badParameter(
                    name, "a whole number from " + min + (max == Integer.MAX_VALUE ? " up" : " to " + max));
        }
    }
}

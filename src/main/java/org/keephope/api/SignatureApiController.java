package org.keephope.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.keephope.apikey.ApiGuard;
import org.keephope.apikey.ApiKey;
import org.keephope.apikey.ApiScope;
import org.keephope.campaign.Campaigns;
import org.keephope.campaign.SigningTarget;
import org.keephope.partner.PartnerSupporters;
import org.keephope.signature.SignatureFeed;
import org.keephope.signature.Signing;
import org.keephope.web.SiteProperties;
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
 * Supporters' signatures through the API, for keys that hold the scope: a campaign's signatures page by page
 * ({@code read:signatures}), and a new signature on a supporter's behalf ({@code write:signatures}), which
 * goes through {@link Signing} as the campaign page's form does, so the supporter gets the same confirmation
 * mail and it counts only once confirmed. The key is checked before anything else, the body included. Never
 * cached, never readable by another site's script (no CORS). A partner organisation's key reads only the
 * confirmed supporters who opted in to it, through the partner module's facade ({@link PartnerSupporters}:
 * sealed to its key when it registered one), and signs only for campaigns it is a partner of, attributed to it.
 */
@RestController
@RequestMapping(value = "/api/v1/campaigns/{slug}/signatures", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(
        name = "Signatures",
        description = "Supporters' data: a key with the scope named is required, and every use is audited.")
class SignatureApiController {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 500;
    static final String PAGE = "/api/v1";

    private final ApiGuard guard;
    private final Campaigns campaigns;
    private final SignatureFeed feed;
    private final ApiSigning signingApi;
    private final SiteProperties site;
    private final PartnerSupporters partners;

    SignatureApiController(
            ApiGuard guard,
            Campaigns campaigns,
            SignatureFeed feed,
            ApiSigning signingApi,
            SiteProperties site,
            PartnerSupporters partners) {
        this.partners = partners;
        this.guard = guard;
        this.campaigns = campaigns;
        this.feed = feed;
        this.signingApi = signingApi;
        this.site = site;
    }

    @GetMapping
    @Operation(
            summary = "A campaign's signatures",
            description = "Oldest first, by confirmation (confirmed) or by creation (pending), a page at a time:"
                    + " pass 'next' of one page as 'cursor' for the next. Scope: read:signatures. Each page read is"
                    + " in the audit log. A partner's key reads only its own confirmed opt-ins of a campaign it is a"
                    + " partner of (403 otherwise, whether or not the campaign exists), sealed to its public key"
                    + " when it registered one.",
            security = {@SecurityRequirement(name = ApiConfig.BEARER), @SecurityRequirement(name = ApiConfig.OSDI)})
    ResponseEntity<SignatureJson.Page> list(
            @Parameter(description = PublicApiController.SLUG) @PathVariable String slug,
            @Parameter(
                            schema =
                                    @Schema(
                                            allowableValues = {"confirmed", "pending"},
                                            defaultValue = "confirmed"))
                    @RequestParam(required = false)
                    String status,
            @Parameter(
                            description =
                                    "From this instant (ISO 8601, inclusive): confirmed at, or created at when pending")
                    @RequestParam(required = false)
                    String since,
            @Parameter(description = "Before this instant (ISO 8601, exclusive)") @RequestParam(required = false)
                    String until,
            @Parameter(description = "The 'next' of the page before") @RequestParam(required = false) String cursor,
            @Parameter(schema = @Schema(minimum = "1", maximum = "500", defaultValue = "100"))
                    @RequestParam(required = false)
                    String limit,
            HttpServletRequest request) {
        ApiKey key = guard.require(request, ApiScope.READ_SIGNATURES);
        long campaignId = key.organisationId() == null ? campaignId(slug) : partnerCampaign(key, slug);
        SignatureFeed.Status which = status(status);
        if (key.organisationId() != null && which != SignatureFeed.Status.CONFIRMED) {
            throw ApiProblem.partnerConfirmedOnly();
        }
        Instant from = instant("since", since);
        Instant to = instant("until", until);
        int size = limit(limit);
        SignatureFeed.Position after = cursor == null || cursor.isEmpty() ? null : Cursor.decode(cursor, which);
        List<SignatureJson.Entry> data;
        SignatureFeed.Position position;
        if (key.organisationId() == null) {
            SignatureFeed.Page page = feed.page(campaignId, which, from, to, after, size, key.actor());
            Map<UUID, String> sources = partners.sources(
                    page.entries().stream().map(SignatureFeed.Entry::id).toList());
            data = page.entries().stream()
                    .map(e -> SignatureJson.Entry.of(e, sources.get(e.id())))
                    .toList();
            position = page.next();
        } else {
            PartnerSupporters.Page page =
                    partners.page(key.organisationId(), campaignId, from, to, after, size, key.actor());
            data = page.entries().stream().map(SignatureJson.Entry::of).toList();
            position = page.next();
        }
        String next = position == null ? null : Cursor.encode(which, position);
        String nextUrl = null;
        if (next != null) {
            var uri = org.springframework.web.util.UriComponentsBuilder.fromPath(
                            PublicApiController.path("/api/v1/campaigns/{slug}/signatures", slug))
                    .queryParam("status", which.name().toLowerCase(Locale.ROOT))
                    .queryParam("limit", size)
                    .queryParam("cursor", next);
            if (from != null) {
                uri.queryParam("since", from.toString());
            }
            if (to != null) {
                uri.queryParam("until", to.toString());
            }
            nextUrl = site.absolute(uri.build().toUriString());
        }
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .contentType(MediaType.APPLICATION_JSON)
                .body(new SignatureJson.Page(
                        slug, which.name().toLowerCase(Locale.ROOT), data, next, new SignatureJson.Links(nextUrl)));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Sign on a supporter's behalf",
            description = "From a form of your own: we mail the supporter a confirmation link, as the campaign page"
                    + " does, and the signature counts once they confirm it. The answer is the same whether or not"
                    + " the address had signed. Scope: write:signatures. Audited. A partner's key signs only for a"
                    + " campaign it is a partner of (403 otherwise), and the signature is attributed to it, as a"
                    + " signature through its ?src= link is; the confirmation mail goes out all the same.",
            security = {@SecurityRequirement(name = ApiConfig.BEARER), @SecurityRequirement(name = ApiConfig.OSDI)},
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                                            schema = @Schema(implementation = SignatureJson.NewSignature.class))))
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "202",
            description = "Accepted; a confirmation mail is on its way unless the address signed already",
            content = @Content(schema = @Schema(implementation = SignatureJson.Accepted.class)))
    ResponseEntity<SignatureJson.Accepted> sign(
            @Parameter(description = PublicApiController.SLUG) @PathVariable String slug,
            @RequestBody(required = false) @Parameter(hidden = true) byte[] body,
            HttpServletRequest request) {
        ApiKey key = guard.require(request, ApiScope.WRITE_SIGNATURES);
        SigningTarget target = signingApi.target(key, slug);
        signingApi.submit(key, target, signingApi.read(body), PAGE, Map.of());
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .cacheControl(CacheControl.noStore())
                .contentType(MediaType.APPLICATION_JSON)
                .body(new SignatureJson.Accepted("pending", ApiSigning.ACCEPTED));
    }

    private long campaignId(String slug) {
        return campaigns
                .ref(slug)
                .filter(c -> c.status().isPublic())
                .orElseThrow(() -> ApiProblem.notFound("campaign"))
                .id();
    }

    /** A partner's key: the campaign if its organisation is a partner of it, else 403 (also when there is none). */
    private long partnerCampaign(ApiKey key, String slug) {
        return partners.campaignOf(key.organisationId(), slug)
                .filter(c -> c.status().isPublic())
                .orElseThrow(ApiProblem::notPartner)
                .id();
    }

    private static SignatureFeed.Status status(String status) {
        if (status == null || status.isEmpty() || status.equals("confirmed")) {
            return SignatureFeed.Status.CONFIRMED;
        }
        if (status.equals("pending")) {
            return SignatureFeed.Status.PENDING;
        }
        throw ApiProblem.badParameter("status", "one of confirmed, pending");
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiProblem.badParameter(name, "an ISO 8601 instant such as 2026-12-01T00:00:00Z");
        }
    }

    private static int limit(String limit) {
        if (limit == null || limit.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit);
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiProblem.badParameter("limit", "a whole number from 1 to " + MAX_LIMIT);
    }
}

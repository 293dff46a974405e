package org.keephope.partner;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookSigningException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.keephope.audit.AuditLog;
import org.keephope.privacy.PersonalData;
import org.keephope.support.Tokens;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signed webhooks to partners' CRMs (Standard Webhooks; docs/WEBHOOKS.md). Events are queued in the
 * transaction that caused them ({@link #confirmed}, {@link #erased}) and sent by {@link WebhookWorker}. Every
 * change to an endpoint is audited; every method that takes an organisation acts on that organisation's
 * endpoints alone (an endpoint of another is "not found").
 */
@Service
class Webhooks {

    static final String CONFIRMED = "signature.confirmed";
    static final String ERASED = "signature.erased";
    static final List<String> EVENTS = List.of(CONFIRMED, ERASED);
    static final String SECRET_CONTEXT = "webhook.secret";
    static final String PAYLOAD_CONTEXT = "webhook.delivery";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebhookRepository repository;
    private final PartnerRepository partners;
    private final PersonalData personalData;
    private final AuditLog audit;
    private final Clock clock;
    private final WebhookProperties properties;
    private final WebhookUrlGuard guard;

    Webhooks(
            WebhookRepository repository,
            PartnerRepository partners,
            PersonalData personalData,
            AuditLog audit,
            Clock clock,
            WebhookProperties properties) {
        this.repository = repository;
        this.partners = partners;
        this.personalData = personalData;
        this.audit = audit;
        this.clock = clock;
        this.properties = properties;
        this.guard = new WebhookUrlGuard(properties.allowPrivate());
    }

    WebhookUrlGuard guard() {
        return guard;
    }

    static String newSecret() {
        return "whsec_" + Base64.getEncoder().encodeToString(Tokens.bytes(32));
    }

    // --- management (the partner's own endpoints) ---

    /** A new endpoint; returns its id and its secret, shown once. The URL must have passed {@link #guard()}. */
    @Transactional
    Map.Entry<Long, String> create(String actor, long organisationId, String url, List<String> events) {
        String secret = newSecret();
        String subscribed = String.join(
                ",", events.stream().filter(EVENTS::contains).distinct().toList());
        long id = repository.insertEndpoint(
                organisationId, url.strip(), subscribed, personalData.encrypt(secret, SECRET_CONTEXT), clock.instant());
        audit.record(actor, "webhook.create", "webhook", id, "organisation " + organisationId + ", " + subscribed);
        return Map.entry(id, secret);
    }

    List<WebhookRepository.Endpoint> endpoints(long organisationId) {
        return repository.endpointsOf(organisationId);
    }

    /** The endpoint if it is this organisation's. */
    Optional<WebhookRepository.Endpoint> endpoint(long organisationId, long id) {
        return repository.endpoint(id).filter(e -> e.organisationId() == organisationId);
    }

    /** A new secret (returned, shown once); the current one stays valid for the rotation overlap. */
    @Transactional
    Optional<String> rotate(String actor, long organisationId, long id) {
        return endpoint(organisationId, id).map(e -> {
            String secret = newSecret();
            repository.rotate(
                    id,
                    personalData.encrypt(secret, SECRET_CONTEXT),
                    e.secret(),
                    clock.instant().plus(properties.rotationOverlap()));
            audit.record(actor, "webhook.rotate", "webhook", id, "organisation " + organisationId);
            return secret;
        });
    }

    @Transactional
    boolean endRotation(String actor, long organisationId, long id) {
        if (endpoint(organisationId, id).isEmpty()) {
            return false;
        }
        repository.endRotation(id);
        audit.record(actor, "webhook.end-rotation", "webhook", id, "organisation " + organisationId);
        return true;
    }

    @Transactional
    boolean setEnabled(String actor, long organisationId, long id, boolean enabled) {
        if (endpoint(organisationId, id).isEmpty()) {
            return false;
        }
        repository.setEnabled(id, enabled, "disabled by " + actor);
        audit.record(
                actor, enabled ? "webhook.enable" : "webhook.disable", "webhook", id, "organisation " + organisationId);
        return true;
    }

    List<WebhookDelivery> deliveries(long organisationId, long id, int limit) {
        return endpoint(organisationId, id)
                .map(e -> repository.deliveries(id, limit))
                .orElse(List.of());
    }

    @Transactional
    boolean replay(String actor, long organisationId, long id, long deliveryId) {
        if (endpoint(organisationId, id).isEmpty() || !repository.replay(deliveryId, id, clock.instant())) {
            return false;
        }
        audit.record(actor, "webhook.replay", "webhook", id, "delivery " + deliveryId);
        return true;
    }

    // --- events, inside the transaction that caused them ---

    static String eventId(String type, UUID signatureId) {
        return "msg_" + (type.equals(CONFIRMED) ? "confirmed_" : "erased_") + signatureId;
    }

    /** After the partner rows were marked confirmed: one delivery per subscribed endpoint of each partner opted in to. */
    void confirmed(UUID signatureId) {
        List<PartnerRepository.Sealed> copies = partners.confirmedCopies(signatureId);
        if (copies.isEmpty()) {
            return;
        }
        Map<Long, List<WebhookRepository.Endpoint>> endpoints = byOrganisation(
                copies.stream().map(PartnerRepository.Sealed::organisationId).toList(), CONFIRMED);
        Instant now = clock.instant();
        for (var copy : copies) {
            var mine = endpoints.getOrDefault(copy.organisationId(), List.of());
            if (mine.isEmpty()) {
                continue;
            }
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("signature_id", signatureId.toString());
            data.put("organisation_id", copy.organisationId());
            data.put(
                    "confirmed_at",
                    copy.confirmedAt() == null ? null : copy.confirmedAt().toString());
            data.put("consent_version", copy.consentVersion());
            data.put("consent_locale", copy.consentLocale());
            putSupporter(data, copy);
            byte[] body = body(CONFIRMED, now, data);
            for (var e : mine) {
                repository.insertDelivery(
                        e.id(),
                        eventId(CONFIRMED, signatureId),
                        CONFIRMED,
                        personalData.encrypt(body, PAYLOAD_CONTEXT),
                        now);
            }
        }
    }

    /**
     * The supporter's data: sealed to the partner's key when it registered one (never in clear then), else in
     * clear as its export gives it.
     */
    private void putSupporter(Map<String, Object> data, PartnerRepository.Sealed copy) {
        long org = copy.organisationId();
        UUID id = copy.signatureId();
        if (copy.sealedWith().equals("PARTNER")) {
            data.put("sealed", Base64.getEncoder().encodeToString(copy.sealed()));
            return;
        }
        byte[] plain = personalData.decryptBytes(copy.sealed(), ConsentAttachment.hostContext(id, org));
        var key = partners.key(org);
        if (key.isPresent()) {
            try {
                byte[] sealed =
                        PartnerKeys.encrypter(key.get().publicKeyset()).encrypt(plain, PartnerKeys.context(id, org));
                data.put("sealed", Base64.getEncoder().encodeToString(sealed));
                return;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("sealing to a partner's key failed", e);
            }
        }
        SupporterRecord r = SupporterRecord.parse(plain);
        Map<String, Object> supporter = new LinkedHashMap<>();
        supporter.put("email", r.email());
        supporter.put("first_name", r.firstName());
        supporter.put("last_name", r.lastName());
        supporter.put("country", r.country());
        supporter.put("locale", r.locale());
        data.put("supporter", supporter);
    }

    /**
     * A signature was erased: each partner that held a copy ({@code organisationIds}, taken before the copies
     * were deleted) is told; every delivery of its confirmation (made or not) is deleted with its personal data.
     */
    void erased(UUID signatureId, List<Long> organisationIds) {
        repository.deleteEvent(eventId(CONFIRMED, signatureId));
        queueErased(signatureId, organisationIds);
    }

    /**
     * The supporter withdrew one partner's consent (from the link in their mail): for that partner alone the
     * supporter is gone, so it gets {@code signature.erased}, and its stored confirmation bodies go too.
     */
    void withdrawn(UUID signatureId, long organisationId) {
        repository.deleteEvent(eventId(CONFIRMED, signatureId), organisationId);
        queueErased(signatureId, List.of(organisationId));
    }

    private void queueErased(UUID signatureId, List<Long> organisationIds) {
        Instant now = clock.instant();
        var endpoints = byOrganisation(organisationIds, ERASED);
        for (long org : organisationIds.stream().distinct().toList()) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("signature_id", signatureId.toString());
            data.put("organisation_id", org);
            byte[] body = body(ERASED, now, data);
            for (var e : endpoints.getOrDefault(org, List.of())) {
                repository.insertDelivery(
                        e.id(), eventId(ERASED, signatureId), ERASED, personalData.encrypt(body, PAYLOAD_CONTEXT), now);
            }
        }
    }

    private Map<Long, List<WebhookRepository.Endpoint>> byOrganisation(List<Long> organisationIds, String type) {
        Map<Long, List<WebhookRepository.Endpoint>> result = new LinkedHashMap<>();
        for (var e : repository.enabledOf(organisationIds.stream().distinct().toList())) {
            if (e.subscribes(type)) {
                result.computeIfAbsent(e.organisationId(), k -> new ArrayList<>())
                        .add(e);
            }
        }
        return result;
    }

    private static byte[] body(String type, Instant now, Map<String, Object> data) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", type);
        event.put("timestamp", now.toString());
        event.put("data", data);
        return JSON.writeValueAsString(event).getBytes(StandardCharsets.UTF_8);
    }

    // --- signing (the worker) ---

    /**
     * The {@code webhook-signature} header: {@code v1,<base64>} with the current secret, and with the previous
     * one too while a rotation runs (space-separated, as the spec allows), signed by the standardwebhooks library.
     */
    String signature(WebhookRepository.Endpoint e, String eventId, long timestamp, String body) {
        List<String> secrets = new ArrayList<>();
        secrets.add(personalData.decrypt(e.secret(), SECRET_CONTEXT));
        if (e.previousSecret() != null
                && e.previousUntil() != null
                && e.previousUntil().isAfter(clock.instant())) {
            secrets.add(personalData.decrypt(e.previousSecret(), SECRET_CONTEXT));
        }
        List<String> signatures = new ArrayList<>();
        for (String s : secrets) {
            try {
                signatures.add(new Webhook(s).sign(eventId, timestamp, body));
            } catch (WebhookSigningException ex) {
                throw new IllegalStateException("signing a webhook failed", ex);
            }
        }
        return String.join(" ", signatures);
    }

    String body(WebhookRepository.Claimed claimed) {
        return new String(personalData.decryptBytes(claimed.payload(), PAYLOAD_CONTEXT), StandardCharsets.UTF_8);
    }
}

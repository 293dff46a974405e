package org.keephope.apikey;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.keephope.audit.AuditLog;
import org.keephope.support.Sha256;
import org.keephope.support.Tokens;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The API keys' facade: create (the key is in the answer and nowhere else), list, revoke, and recognise a key
 * sent with a request.
 *
 * <p>A key is {@code khk_} and 256 random bits (base64url). Only its SHA-256 is stored: a slow password hash
 * (Argon2id, as for staff passwords) defends guessable secrets against a stolen table; a 256-bit random
 * secret cannot be guessed from its hash whatever the speed, and a slow hash would cost every API request
 * tens of milliseconds and 46 MiB, a lever for denial of service. A key is looked up by its hash on every
 * request (one indexed read), so a revocation holds at once on every node.
 */
@Service
public class ApiKeys {

    /** What a key starts with, so secret scanners and people can tell what it is. */
    static final String PREFIX = "khk_";

    private static final int MAX_TOKEN_LENGTH = 100;

    /** A key just made: {@code token} is shown once and never stored. */
    public record Created(ApiKey key, String token) {}

    private final ApiKeyRepository repository;
    private final AuditLog audit;
    private final Clock clock;
    /** The minute each key's use was last written from this node, so a busy key writes once a minute. */
    private final Map<Long, Instant> recordedUse = new ConcurrentHashMap<>();

    ApiKeys(ApiKeyRepository repository, AuditLog audit, Clock clock) {
        this.repository = repository;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Makes a key.
     *
     * @param organisationId null for a staff key; a partner organisation's own key otherwise (partner keys
     *     come with the partner accounts)
     * @param expiresAt when it stops working; null for never (not offered on the staff screen)
     */
    @Transactional
    public Created create(String name, Set<ApiScope> scopes, Instant expiresAt, Long organisationId, String actor) {
        return create(name, scopes, expiresAt, organisationId, false, actor);
    }

    /**
     * As {@link #create(String, Set, Instant, Long, String)}; {@code importsConfirmed} lets the key import
     * signatures as already confirmed, without the opt-in mail: for an admin's staff key with
     * {@code write:signatures} alone (a partner's key never may).
     */
    @Transactional
    public Created create(
            String name,
            Set<ApiScope> scopes,
            Instant expiresAt,
            Long organisationId,
            boolean importsConfirmed,
            String actor) {
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException("a key needs at least one scope");
        }
        if (importsConfirmed && (organisationId != null || !scopes.contains(ApiScope.WRITE_SIGNATURES))) {
            throw new IllegalArgumentException("only a staff key that writes signatures may import confirmed ones");
        }
        String token = PREFIX + Tokens.token();
        String prefix = token.substring(0, PREFIX.length() + 6);
        Instant now = clock.instant();
        long id = repository.insert(
                name.strip(),
                Sha256.of(token),
                prefix,
                scopes,
                organisationId,
                actor,
                now,
                expiresAt,
                importsConfirmed);
        audit.record(
                actor,
                "api-key.create",
                "api-key",
                id,
                "scopes " + scopes.stream().map(ApiScope::scopeName).sorted().collect(Collectors.joining(" "))
                        + (expiresAt == null ? "" : ", expires " + expiresAt)
                        + (organisationId == null ? "" : ", organisation " + organisationId)
                        + (importsConfirmed ? ", imports confirmed signatures" : ""));
        return new Created(repository.byId(id).orElseThrow(), token);
    }

    /** Staff keys (those of no organisation), newest first, revoked and expired ones too. */
    @Transactional(readOnly = true)
    public List<ApiKey> staffKeys() {
        return repository.staffKeys();
    }

    /** One organisation's own keys (a partner's), newest first, revoked and expired ones too. */
    @Transactional(readOnly = true)
    public List<ApiKey> organisationKeys(long organisationId) {
        return repository.organisationKeys(organisationId);
    }

    @Transactional(readOnly = true)
    public Optional<ApiKey> byId(long id) {
        return repository.byId(id);
    }

    /** Revokes a key for good; false if it was already revoked or does not exist. */
    @Transactional
    public boolean revoke(long id, String actor) {
        boolean revoked = repository.revoke(id, clock.instant(), actor);
        if (revoked) {
            audit.record(actor, "api-key.revoke", "api-key", id, null);
        }
        return revoked;
    }

    /**
     * The key a request sent, if it exists, is not revoked and has not expired. Records its use, to the
     * minute (no address, no route).
     */
    @Transactional
    public Optional<ApiKey> recognise(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<ApiKey> key = repository.byHash(Sha256.of(token)).filter(k -> k.usable(now));
        key.ifPresent(k -> recordUse(k.id(), now.truncatedTo(ChronoUnit.MINUTES)));
        return key;
    }

    private void recordUse(long id, Instant minute) {
        Instant before = recordedUse.put(id, minute);
        if (!minute.equals(before)) {
            repository.used(id, minute);
        }
    }
}

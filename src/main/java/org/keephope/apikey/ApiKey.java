package org.keephope.apikey;

import java.time.Instant;
import java.util.Set;

/**
 * An API key as staff and the guard see it; never the key itself, which exists only in the answer that
 * created it.
 *
 * @param prefix the first characters of the key, so its holder can tell which one it is
 * @param organisationId null for a staff key; a partner organisation's key (they come with the partner
 *     accounts) sees only what its organisation may see
 * @param importsConfirmed an admin allowed this staff key to import signatures as already confirmed (no
 *     opt-in mail; each import audited); never a partner's key
 */
public record ApiKey(
        long id,
        String name,
        String prefix,
        Set<ApiScope> scopes,
        Long organisationId,
        String createdBy,
        Instant createdAt,
        Instant expiresAt,
        Instant lastUsedAt,
        Instant revokedAt,
        boolean importsConfirmed) {

    public boolean allows(ApiScope scope) {
        return scopes.contains(scope);
    }

    public boolean expired(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    public boolean usable(Instant now) {
        return revokedAt == null && !expired(now);
    }

    /** Who acted, as the audit log names it: the key, never a person's address. */
    public String actor() {
        return "api-key:" + id + " " + name;
    }
}

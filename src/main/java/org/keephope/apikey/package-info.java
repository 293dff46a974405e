/**
 * API keys: created by admins at {@code /admin/api-keys}, shown once, stored as a SHA-256 hash, with scopes,
 * an expiry and the last use (to the minute); and {@link org.keephope.apikey.ApiGuard}, the one place a
 * request's key, scope and rate limit are checked. A key may belong to a partner organisation
 * ({@code organisationId}): a PARTNER account makes its own at {@code /partner/api-keys} (partner module).
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "API keys",
        allowedDependencies = {"audit", "privacy", "support", "web"})
package org.keephope.apikey;

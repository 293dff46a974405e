/**
 * The public REST API, version 1, under {@code /api/v1}: campaigns, counts, targets and news for anyone (a
 * key is optional and checked when sent), a campaign's signatures for keys that may read them, and a
 * signature sent on a supporter's behalf for keys that may write them. Every request's key goes through
 * {@link org.keephope.apikey.ApiGuard}; data comes from the owning modules' facades only. The OpenAPI 3
 * document ({@code /api/openapi.json}) is generated from these controllers, and {@code /docs/api} shows it as
 * a page of our own.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "REST API",
        allowedDependencies = {
            "apikey",
            "audit",
            "campaign",
            "coalition",
            "news",
            "partner",
            "signature",
            "target",
            "web"
        })
package org.keephope.api;

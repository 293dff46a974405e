/**
 * Delivery: the package that carries a campaign's signatures to its targets (PDF and CSV, in each language),
 * the deliveries on record (append-only, with the SHA-256 of the package delivered) and the targets'
 * responses, published on the campaign page and mailed to supporters who asked to be kept informed.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Delivery",
        allowedDependencies = {
            "audit",
            "campaign",
            "coalition",
            "log",
            "mail",
            "media",
            "signature",
            "stats",
            "support",
            "target",
            "web"
        })
package org.keephope.delivery;

/** Coalition partners: consent, attribution, sealed supporter copies, partner accounts and webhooks. */
@org.springframework.modulith.ApplicationModule(
        displayName = "Partners",
        allowedDependencies = {
            "account",
            "apikey",
            "audit",
            "campaign",
            "coalition",
            "privacy",
            "signature",
            "stats",
            "support",
            "web"
        })
package org.keephope.partner;

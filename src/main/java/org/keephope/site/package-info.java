/** Page composition: home, the campaign page with the sign form, the campaign API, sitemap, robots, the staff start page. */
@org.springframework.modulith.ApplicationModule(
        displayName = "Site",
        allowedDependencies = {
            "account",
            "campaign",
            "delivery",
            "mail",
            "news",
            "partner",
            "signature",
            "stats",
            "support",
            "target",
            "web"
        })
package org.keephope.site;

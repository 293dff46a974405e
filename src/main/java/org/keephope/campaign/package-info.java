/** Campaigns: event, lifecycle, translations, coalition membership, and their staff screens. */
@org.springframework.modulith.ApplicationModule(
        displayName = "Campaigns",
        allowedDependencies = {"audit", "coalition", "media", "support", "web"})
package org.keephope.campaign;

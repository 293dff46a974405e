/** Signing: sign, confirm, erase, counts, supporters kept informed, the public signer list, and moderation, find/erase and export for staff. */
@org.springframework.modulith.ApplicationModule(
        displayName = "Signatures",
        allowedDependencies = {"audit", "campaign", "mail", "privacy", "support", "web"})
package org.keephope.signature;

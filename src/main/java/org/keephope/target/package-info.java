/**
 * The target directory: decision makers as people in an office, whom campaigns address. Contact addresses are
 * staff-only; public views ({@link org.keephope.target.Target}) never carry them.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Targets",
        allowedDependencies = {"audit", "campaign", "mail", "media", "privacy", "signature", "support", "web"})
package org.keephope.target;

/** Organisations of the coalition: their records, staff screens and logos. */
@org.springframework.modulith.ApplicationModule(
        displayName = "Coalition",
        allowedDependencies = {"audit", "media", "support", "web"})
package org.keephope.coalition;

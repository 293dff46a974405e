/** Counts over time and the charts drawn from them. */
@org.springframework.modulith.ApplicationModule(
        displayName = "Stats",
        allowedDependencies = {"campaign", "signature", "web"})
package org.keephope.stats;

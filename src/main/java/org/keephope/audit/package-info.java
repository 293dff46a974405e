/** The append-only audit log. */
@org.springframework.modulith.ApplicationModule(
        displayName = "Audit",
        allowedDependencies = {"support"})
package org.keephope.audit;

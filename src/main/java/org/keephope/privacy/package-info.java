/** Keys, encryption of personal data (AEAD), keyed fingerprints and canonical e-mail addresses. */
@org.springframework.modulith.ApplicationModule(
        displayName = "Privacy",
        allowedDependencies = {})
package org.keephope.privacy;

/** Uploaded images: sniffed, re-encoded without metadata, stored and served. */
@org.springframework.modulith.ApplicationModule(
        displayName = "Media",
        allowedDependencies = {"audit", "support", "web"})
package org.keephope.media;

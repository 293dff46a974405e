/** The Keep Hope Alive demo content. */
@org.springframework.modulith.ApplicationModule(
        displayName = "Demo",
        allowedDependencies = {"campaign", "coalition", "news", "partner", "target", "web"})
package org.keephope.demo;

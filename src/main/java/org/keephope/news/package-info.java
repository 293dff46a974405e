/** News posts, categories, regions, translations, Atom feeds and their staff screens. */
@org.springframework.modulith.ApplicationModule(
        displayName = "News",
        allowedDependencies = {"audit", "campaign", "support", "web"})
package org.keephope.news;

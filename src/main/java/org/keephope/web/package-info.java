/** The web layer every module uses: layout helper, language selection, error pages, security headers and the security filter chain, Markdown sanitising, request limits, trusted proxies. */
@org.springframework.modulith.ApplicationModule(
        displayName = "Web",
        allowedDependencies = {"support"})
package org.keephope.web;

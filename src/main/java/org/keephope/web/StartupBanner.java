package org.keephope.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** One line that tells a newcomer where to open KeepHope. */
@Component
class StartupBanner {

    private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

    private final SiteProperties site;

    StartupBanner(SiteProperties site) {
        this.site = site;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        log.info("KeepHope is running: open {} in your browser", site.absolute("/"));
    }
}

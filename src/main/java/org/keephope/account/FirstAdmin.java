package org.keephope.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * With no staff user yet: either creates the first admin from KEEPHOPE_ADMIN_EMAIL and KEEPHOPE_ADMIN_PASSWORD
 * (automated installs), or logs a one-time setup link, once, at WARN.
 */
@Component
class FirstAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private final AccountSetup setup;
    private final AccountProperties properties;

    FirstAdmin(AccountSetup setup, AccountProperties properties) {
        this.setup = setup;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!setup.noStaffYet()) {
            return;
        }
        if (properties.createsFirstAdminFromSettings()) {
            setup.createFirstAdmin(properties.adminEmail(), properties.adminPassword());
            log.warn("Created the first admin from KEEPHOPE_ADMIN_EMAIL; they enrol a second factor at first sign-in");
            return;
        }
        log.warn(
                "No staff account yet. Open this one-time link within {} hours to create the first admin: {}",
                properties.setupValidity().toHours(),
                setup.firstAdminLink());
    }
}

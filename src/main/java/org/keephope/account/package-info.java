/** Staff accounts: passwords, TOTP, passkeys, recovery codes, sign-in, sessions, users and audit screens. */
@org.springframework.modulith.ApplicationModule(
        displayName = "Accounts",
        allowedDependencies = {"audit", "coalition", "mail", "privacy", "support", "web"})
package org.keephope.account;

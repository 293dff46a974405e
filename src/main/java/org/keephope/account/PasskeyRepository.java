package org.keephope.account;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.stereotype.Repository;

/** The passkey tables, through Spring Security's own JDBC repositories for them. */
@Repository
class PasskeyRepository {

    private final JdbcPublicKeyCredentialUserEntityRepository userEntities;
    private final JdbcUserCredentialRepository credentials;

    PasskeyRepository(JdbcTemplate jdbc) {
        this.userEntities = new JdbcPublicKeyCredentialUserEntityRepository(jdbc);
        this.credentials = new JdbcUserCredentialRepository(jdbc);
    }

    JdbcPublicKeyCredentialUserEntityRepository userEntities() {
        return userEntities;
    }

    JdbcUserCredentialRepository credentials() {
        return credentials;
    }
}

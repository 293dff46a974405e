package org.keephope.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.util.StreamProvider;
import org.junit.jupiter.api.Test;

class SmtpTransportTest {

    @Test
    void namesJakartaMailsStreamProviderSoItIsNotLookedUpPerMessage() throws Exception {
        Class.forName(SmtpTransport.class.getName(), true, getClass().getClassLoader()); // runs its static block
        assertThat(System.getProperty("jakarta.mail.util.StreamProvider")).isEqualTo(SmtpTransport.STREAM_PROVIDER);
        // the named class is the one the service loader would have found, so nothing else changes
        assertThat(StreamProvider.provider().getClass().getName()).isEqualTo(SmtpTransport.STREAM_PROVIDER);
    }
}

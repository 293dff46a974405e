package org.keephope.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmailAddressTest {

    @ParameterizedTest
    @CsvSource({
        "Anna@Example.ORG, anna@example.org",
        "' anna@example.org ', anna@example.org",
        "a.n.n.a+petition@gmail.com, anna@gmail.com",
        "anna@googlemail.com, anna@gmail.com",
        "anna+x@outlook.com, anna@outlook.com",
        "anna+x@yandex.ru, anna@yandex.ru",
        "a.nna@outlook.com, a.nna@outlook.com",
        "anna+x@example.org, anna+x@example.org",
        "first.last@proton.me, first.last@proton.me"
    })
    void oneMailboxHasOneCanonicalForm(String input, String canonical) {
        assertThat(EmailAddress.canonical(input)).isEqualTo(canonical);
    }
}

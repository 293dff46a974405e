package org.keephope.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

class KeysTest {

    @TempDir
    Path keys;

    @Test
    void productionOnPostgresqlRefusesToStartWithoutKeys() {
        var environment = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db/keephope");
        var properties = new CryptoProperties(null, null, keys.toString(), false);
        assertThatThrownBy(() -> new Keys().personalDataAead(properties, environment))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("KEEPHOPE_CRYPTO_AEAD_KEYSET");
        assertThat(keys).isEmptyDirectory();
    }

    @Test
    void developmentKeysAreGeneratedOnceAndReused() throws Exception {
        var environment = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:h2:file:./data/keephope");
        var properties = new CryptoProperties(null, null, keys.toString(), false);
        byte[] sealed =
                new PersonalData(new Keys().personalDataAead(properties, environment)).encrypt("anna@example.org", "t");
        assertThat(Files.exists(keys.resolve("aead-keyset.json"))).isTrue();
        assertThat(new PersonalData(new Keys().personalDataAead(properties, environment)).decrypt(sealed, "t"))
                .isEqualTo("anna@example.org");
    }

    @Test
    void theKeyToolPrintsAKeysetThatTheAppAccepts() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            KeyTool.main(new String[] {"aead"});
        } finally {
            System.setOut(original);
        }
        String keyset = out.toString(StandardCharsets.UTF_8).trim();
        var environment = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db/keephope");
        var properties = new CryptoProperties(keyset, null, keys.toString(), false);
        PersonalData data = new PersonalData(new Keys().personalDataAead(properties, environment));
        assertThat(data.decrypt(data.encrypt("secret", "ctx"), "ctx")).isEqualTo("secret");
        assertThatThrownBy(() -> data.decrypt(data.encrypt("secret", "ctx"), "other-column"))
                .isInstanceOf(IllegalStateException.class);
    }
}

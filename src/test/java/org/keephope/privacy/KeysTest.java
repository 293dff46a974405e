package org.keephope.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
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
    void outsideDemoModeH2RefusesToStartWithoutKeysToo() throws Exception {
        var environment = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:h2:file:./data/keephope")
                .withProperty("keephope.demo", "false");
        var properties = new CryptoProperties(null, null, keys.toString(), false);
        assertThatThrownBy(() -> new Keys().personalDataAead(properties, environment))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("KEEPHOPE_DEMO=false")
                .hasMessageContaining("KEEPHOPE_CRYPTO_AEAD_KEYSET");
        assertThatThrownBy(() -> new Keys().lookupMac(properties, environment))
                .hasMessageContaining("KEEPHOPE_CRYPTO_MAC_KEYSET");
        assertThat(keys).isEmptyDirectory();
        var forTests = new CryptoProperties(null, null, keys.toString(), true);
        assertThat(new PersonalData(new Keys().personalDataAead(forTests, environment)).encrypt("x", "t"))
                .as("only when asked for")
                .isNotEmpty();
    }

    @Test
    void developmentKeysLiveOutsideTheDatabaseFolder() {
        CryptoProperties defaults = new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("keephope.crypto", CryptoProperties.class);
        Path database = Path.of("data"); // the H2 file of application.properties is ./data/keephope
        assertThat(Path.of(defaults.keyDirectory()).normalize()).isEqualTo(Path.of("keys"));
        assertThat(Path.of(defaults.keyDirectory()).normalize().startsWith(database))
                .isFalse();
    }

    @Test
    void keysAnEarlierVersionMadeInDataKeysAreMovedOutAndStillDecrypt(@TempDir Path work) throws Exception {
        var environment = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:h2:file:./data/keephope");
        Path legacy = Files.createDirectories(work.resolve("data/keys"));
        Path moved = work.resolve("keys");
        var before = new CryptoProperties(null, null, legacy.toString(), false);
        byte[] sealed = new PersonalData(new Keys(legacy, legacy.toString()).personalDataAead(before, environment))
                .encrypt("anna@example.org", "t");

        var after = new CryptoProperties(null, null, moved.toString(), false);
        var data = new PersonalData(new Keys(legacy, moved.toString()).personalDataAead(after, environment));
        assertThat(data.decrypt(sealed, "t")).isEqualTo("anna@example.org");
        assertThat(moved.resolve("aead-keyset.json")).exists();
        assertThat(legacy.resolve("aead-keyset.json")).doesNotExist();
        assertThat(Files.getPosixFilePermissions(moved))
                .as("only the owner may enter the key directory")
                .isEqualTo(PosixFilePermissions.fromString("rwx------"));
    }

    @Test
    void outsideDemoModeTheRefusalNamesAKeyLeftInDataKeys(@TempDir Path work) throws Exception {
        Path legacy = Files.createDirectories(work.resolve("data/keys"));
        Files.writeString(legacy.resolve("aead-keyset.json"), "{}");
        var environment = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:h2:file:./data/keephope")
                .withProperty("keephope.demo", "false");
        var properties = new CryptoProperties(null, null, work.resolve("keys").toString(), false);
        assertThatThrownBy(() -> new Keys(legacy, properties.keyDirectory()).personalDataAead(properties, environment))
                .hasMessageContaining(legacy.resolve("aead-keyset.json").toString());
        assertThat(legacy.resolve("aead-keyset.json")).as("left where it was").exists();
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
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(KeyTool.run(new String[] {"aead"}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err))
                .isZero();
        String keyset = out.toString(StandardCharsets.UTF_8).trim();
        var environment = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db/keephope");
        var properties = new CryptoProperties(keyset, null, keys.toString(), false);
        PersonalData data = new PersonalData(new Keys().personalDataAead(properties, environment));
        assertThat(data.decrypt(data.encrypt("secret", "ctx"), "ctx")).isEqualTo("secret");
        assertThatThrownBy(() -> data.decrypt(data.encrypt("secret", "ctx"), "other-column"))
                .isInstanceOf(IllegalStateException.class);
    }
}

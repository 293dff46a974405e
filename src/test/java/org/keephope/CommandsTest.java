package org.keephope;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Issue 9 item 8: one command line for every tool the jar ships. */
class CommandsTest {

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        return Commands.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void helpListsEveryToolAndStartsNothing() {
        assertThat(Commands.isTool(new String[] {"--help"})).isTrue();
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("keys aead|mac");
        assertThat(Commands.TOOLS).isNotEmpty();
        Commands.TOOLS
                .keySet()
                .forEach(
                        name -> assertThat(out.toString(StandardCharsets.UTF_8)).contains(name));
    }

    @Test
    void argumentsThatNameNoToolStartTheApplication() {
        assertThat(Commands.isTool(new String[] {})).isFalse();
        assertThat(Commands.isTool(new String[] {"--server.port=9000"})).isFalse();
        assertThat(Commands.isTool(new String[] {"keys", "aead"})).isTrue();
    }

    @Test
    void keysPrintsAKeysetThatEncrypts() throws Exception {
        assertThat(run("keys", "aead")).isZero();
        AeadConfig.register();
        Aead aead = TinkJsonProtoKeysetFormat.parseKeyset(
                        out.toString(StandardCharsets.UTF_8).trim(), InsecureSecretKeyAccess.get())
                .getPrimitive(RegistryConfiguration.get(), Aead.class);
        byte[] sealed = aead.encrypt("secret".getBytes(StandardCharsets.UTF_8), new byte[0]);
        assertThat(new String(aead.decrypt(sealed, new byte[0]), StandardCharsets.UTF_8))
                .isEqualTo("secret");
    }

    @Test
    void aWrongToolOrArgumentIsAUsageErrorWithoutAStackTrace() {
        assertThat(run("keys", "rsa")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("keys aead|mac")
                .doesNotContain("Exception");
        assertThat(out.size()).isZero();
    }
}

package org.keephope;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The README's key commands, run against the packaged jar exactly as an operator types them. */
class CommandLineIT {

    static final Path JAR = Path.of(System.getProperty("basedir", "."), "target", "keephope.jar");

    record Result(int code, String out, String err) {}

    static Result java(String... args) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        var command = new java.util.ArrayList<>(List.of(java.toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS))
                .as("the tool ends by itself")
                .isTrue();
        return new Result(
                process.exitValue(),
                new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void theJarPrintsKeysetsAndHelpWithoutStartingTheServer() throws Exception {
        Result mac = java("keys", "mac");
        assertThat(mac.code()).as(mac.err()).isZero();
        assertThat(mac.out()).contains("\"primaryKeyId\"").contains("HmacKey").doesNotContain("Tomcat");

        Result help = java("--help");
        assertThat(help.code()).isZero();
        assertThat(help.out())
                .contains("java -jar keephope.jar <tool>")
                .contains("keys aead|mac")
                .contains("partner-key new");

        Result wrong = java("keys");
        assertThat(wrong.code()).isEqualTo(2);
        assertThat(wrong.err()).contains("keys aead|mac").doesNotContain("at org.");
    }
}

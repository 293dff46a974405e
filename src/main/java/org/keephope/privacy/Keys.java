package org.keephope.privacy;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Mac;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.mac.MacConfig;
import com.google.crypto.tink.mac.PredefinedMacParameters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Loads the Tink keysets. Outside demo mode, and on PostgreSQL always, KeepHope refuses to start without
 * configured keys: generated keys on a production server would be lost with the server and take every
 * signature's personal data with them, or be copied with it. Development keys live in their own directory
 * ({@code ./keys}), never beside the database in {@code ./data}, so a copy of the database folder does not
 * carry the key that decrypts it; keys an earlier version generated into {@code ./data/keys} are moved there.
 */
@Configuration(proxyBeanMethods = false)
class Keys {

    private static final Logger log = LoggerFactory.getLogger(Keys.class);

    /** Where versions before issue 8 generated development keys: inside the H2 database folder. */
    static final Path LEGACY_DIRECTORY = Path.of("data", "keys");

    static {
        try {
            AeadConfig.register();
            MacConfig.register();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private final Path legacyDirectory;
    private final String defaultDirectory;

    Keys() {
        this(LEGACY_DIRECTORY, CryptoProperties.DEFAULT_KEY_DIRECTORY);
    }

    /** For tests: where old keys are looked for, and which key directory takes them over. */
    Keys(Path legacyDirectory, String defaultDirectory) {
        this.legacyDirectory = legacyDirectory;
        this.defaultDirectory = defaultDirectory;
    }

    @Bean
    Aead personalDataAead(CryptoProperties properties, Environment environment) throws GeneralSecurityException {
        return keyset(properties.aeadKeyset(), "aead", properties, environment)
                .getPrimitive(RegistryConfiguration.get(), Aead.class);
    }

    @Bean
    Mac lookupMac(CryptoProperties properties, Environment environment) throws GeneralSecurityException {
        return keyset(properties.macKeyset(), "mac", properties, environment)
                .getPrimitive(RegistryConfiguration.get(), Mac.class);
    }

    private KeysetHandle keyset(String configured, String kind, CryptoProperties properties, Environment environment)
            throws GeneralSecurityException {
        if (configured != null && !configured.isBlank()) {
            return TinkJsonProtoKeysetFormat.parseKeyset(configured, InsecureSecretKeyAccess.get());
        }
        String variable = "KEEPHOPE_CRYPTO_" + kind.toUpperCase(Locale.ROOT) + "_KEYSET";
        Path file = Path.of(properties.keyDirectory(), kind + "-keyset.json");
        Path legacy = legacyDirectory.resolve(kind + "-keyset.json");
        boolean legacyFound = !sameFile(file, legacy) && Files.exists(legacy);
        // only the default directory takes over old keys: a configured one is the operator's (and the tests')
        boolean takeOver = legacyFound && properties.keyDirectory().equals(defaultDirectory);
        String refusal = refusal(kind, variable, properties, environment);
        if (refusal != null) {
            throw new IllegalStateException(refusal
                    + (legacyFound
                            ? " A development key made by an earlier version is in " + legacy + ": to keep the data it"
                                    + " encrypts readable, set " + variable + "=\"$(cat " + legacy + ")\" and move"
                                    + " that file out of the database folder."
                            : ""));
        }
        warnIfInsideDatabaseFolder(file, environment);
        try {
            if (!Files.exists(file) && legacyFound && !takeOver) {
                log.warn(
                        "A DEVELOPMENT {} key made by an earlier version is in {}, but the key directory is set to {}:"
                                + " it is left alone. Move it there if it is the key to this database.",
                        kind,
                        legacy,
                        properties.keyDirectory());
            }
            if (!Files.exists(file) && takeOver) {
                createPrivateDirectory(file.getParent());
                Files.move(legacy, file);
                log.warn(
                        "*** MOVED the DEVELOPMENT {} key from {} to {}: keys no longer live beside the database, so"
                                + " a copy of ./data does not carry them. Keep the two together when you move this"
                                + " installation. ***",
                        kind,
                        legacy,
                        file);
            }
            if (Files.exists(file)) {
                log.warn("Using the DEVELOPMENT {} key from {}: set {} in production", kind, file, variable);
                return TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(file), InsecureSecretKeyAccess.get());
            }
            KeysetHandle handle = KeysetHandle.generateNew(
                    kind.equals("aead")
                            ? PredefinedAeadParameters.AES256_GCM
                            : PredefinedMacParameters.HMAC_SHA256_256BITTAG);
            createPrivateDirectory(file.getParent());
            Files.writeString(
                    file,
                    TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get()),
                    StandardCharsets.UTF_8);
            restrict(file, "rw-------");
            log.warn(
                    "*** GENERATED a DEVELOPMENT {} key in {}. Anyone with this file can read the personal data. "
                            + "Production must set {}. ***",
                    kind,
                    file,
                    variable);
            return handle;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Why development keys may not be used here, or null when they may (demo mode on H2, or asked for). */
    static String refusal(String kind, String variable, CryptoProperties properties, Environment environment) {
        if (properties.generateMissingKeys()) {
            return null;
        }
        String url = environment.getProperty("spring.datasource.url", "");
        if (url.startsWith("jdbc:postgresql")) {
            return "No " + kind + " key configured. On PostgreSQL (production) set " + variable
                    + " to a Tink JSON keyset; see README, Keys.";
        }
        if (!environment.getProperty("keephope.demo", Boolean.class, true)) {
            return "No " + kind + " key configured. Outside demo mode (KEEPHOPE_DEMO=false) KeepHope does not make"
                    + " its own keys: set " + variable + " to a Tink JSON keyset (see README, Keys), or"
                    + " KEEPHOPE_CRYPTO_GENERATE_MISSING_KEYS=true for development keys in "
                    + properties.keyDirectory() + ".";
        }
        return null;
    }

    /** A key directory configured inside the H2 database folder defeats the point of keeping them apart. */
    private static void warnIfInsideDatabaseFolder(Path file, Environment environment) {
        String url = environment.getProperty("spring.datasource.url", "");
        if (!url.startsWith("jdbc:h2:file:")) {
            return;
        }
        String path = url.substring("jdbc:h2:file:".length()).split(";", 2)[0];
        Path database = Path.of(path).toAbsolutePath().normalize().getParent();
        if (database != null && file.toAbsolutePath().normalize().startsWith(database)) {
            log.warn(
                    "*** The development keys ({}) are inside the database folder {}: a copy of that folder carries"
                            + " the key to its personal data. Set KEEPHOPE_CRYPTO_KEY_DIRECTORY elsewhere. ***",
                    file.getParent(),
                    database);
        }
    }

    private static boolean sameFile(Path a, Path b) {
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    private static void createPrivateDirectory(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory);
            restrict(directory, "rwx------");
        }
    }

    private static void restrict(Path path, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system
        }
    }
}

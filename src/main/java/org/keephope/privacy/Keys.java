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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Loads the Tink keysets. A PostgreSQL deployment without configured keys refuses to start: generated keys
 * on a production server would be lost with the server and take every signature's personal data with them.
 */
@Configuration(proxyBeanMethods = false)
class Keys {

    private static final Logger log = LoggerFactory.getLogger(Keys.class);

    static {
        try {
            AeadConfig.register();
            MacConfig.register();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
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

    private static KeysetHandle keyset(
            String configured, String kind, CryptoProperties properties, Environment environment)
            throws GeneralSecurityException {
        if (configured != null && !configured.isBlank()) {
            return TinkJsonProtoKeysetFormat.parseKeyset(configured, InsecureSecretKeyAccess.get());
        }
        String url = environment.getProperty("spring.datasource.url", "");
        if (url.startsWith("jdbc:postgresql") && !properties.generateMissingKeys()) {
            throw new IllegalStateException("No " + kind + " key configured. On PostgreSQL (production) set "
                    + "KEEPHOPE_CRYPTO_" + kind.toUpperCase() + "_KEYSET to a Tink JSON keyset; see README, Keys.");
        }
        Path file = Path.of(properties.keyDirectory(), kind + "-keyset.json");
        try {
            if (Files.exists(file)) {
                log.warn(
                        "Using the DEVELOPMENT {} key from {}: set KEEPHOPE_CRYPTO_{}_KEYSET in production",
                        kind,
                        file,
                        kind.toUpperCase());
                return TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(file), InsecureSecretKeyAccess.get());
            }
            KeysetHandle handle = KeysetHandle.generateNew(
                    kind.equals("aead")
                            ? PredefinedAeadParameters.AES256_GCM
                            : PredefinedMacParameters.HMAC_SHA256_256BITTAG);
            Files.createDirectories(file.getParent());
            Files.writeString(
                    file,
                    TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get()),
                    StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            log.warn(
                    "*** GENERATED a DEVELOPMENT {} key in {}. Anyone with this file can read the personal data. "
                            + "Production must set KEEPHOPE_CRYPTO_{}_KEYSET. ***",
                    kind,
                    file,
                    kind.toUpperCase());
            return handle;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

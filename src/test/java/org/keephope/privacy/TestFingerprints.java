package org.keephope.privacy;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Mac;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.mac.MacConfig;
import com.google.crypto.tink.mac.PredefinedMacParameters;
import java.security.GeneralSecurityException;

/** Fingerprints with a fresh random key, for unit tests. */
public final class TestFingerprints {

    private TestFingerprints() {}

    public static Fingerprints create() throws GeneralSecurityException {
        MacConfig.register();
        return new Fingerprints(KeysetHandle.generateNew(PredefinedMacParameters.HMAC_SHA256_256BITTAG)
                .getPrimitive(RegistryConfiguration.get(), Mac.class));
    }
}

package org.keephope.privacy;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.mac.MacConfig;
import com.google.crypto.tink.mac.PredefinedMacParameters;
import java.io.PrintStream;

/**
 * Prints a new Tink keyset for production: {@code aead} (personal data) or {@code mac} (look-ups). Run as
 * {@code java -jar keephope.jar keys aead} (see {@code org.keephope.Commands}).
 */
public final class KeyTool {

    private KeyTool() {}

    public static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        AeadConfig.register();
        MacConfig.register();
        String kind = args.length == 0 ? "" : args[0];
        KeysetHandle handle = switch (kind) {
            case "aead" -> KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            case "mac" -> KeysetHandle.generateNew(PredefinedMacParameters.HMAC_SHA256_256BITTAG);
            default -> throw new IllegalArgumentException("Usage: java -jar keephope.jar keys aead|mac");
        };
        out.println(TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get()));
        return 0;
    }
}

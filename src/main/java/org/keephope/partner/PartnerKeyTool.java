package org.keephope.partner;

import com.google.crypto.tink.KeysetHandle;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;

/**
 * A partner's key on its own computer, with no server and no database ({@code org.keephope.Commands}):
 *
 * <ul>
 *   <li>{@code partner-key new} prints a new private keyset (Tink HPKE) once; KeepHope never sees it;
 *   <li>{@code partner-key public <private.json>} prints its public part, to register at {@code /partner};
 *   <li>{@code partner-key decrypt <export.csv> <private.json> [older.json ...]} prints the export with every
 *       sealed supporter opened; a supporter sealed before the key was replaced opens with the older keyset.
 * </ul>
 */
public final class PartnerKeyTool {

    static final String USAGE = "Usage: java -jar keephope.jar partner-key new"
            + " | public <private-keyset.json> | decrypt <export.csv> <private-keyset.json>...";

    private PartnerKeyTool() {}

    public static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        String command = args.length == 0 ? "" : args[0];
        switch (command) {
            case "new" -> {
                if (args.length != 1) {
                    throw new IllegalArgumentException(USAGE);
                }
                out.println(PartnerKeys.privateJson(PartnerKeys.generate()));
                err.println("This is your PRIVATE keyset, shown this once: keep it safe and secret; KeepHope never"
                        + " sees it. Register its public part, from `partner-key public <file>`, at /partner.");
                return 0;
            }
            case "public" -> {
                if (args.length != 2) {
                    throw new IllegalArgumentException(USAGE);
                }
                out.println(PartnerKeys.publicJson(privateKeyset(args[1])));
                return 0;
            }
            case "decrypt" -> {
                if (args.length < 3) {
                    throw new IllegalArgumentException(USAGE);
                }
                String export = read(args[1]);
                List<KeysetHandle> keysets = new ArrayList<>();
                for (int i = 2; i < args.length; i++) {
                    keysets.add(privateKeyset(args[i]));
                }
                try {
                    out.print(PartnerExport.decrypt(export, keysets));
                } catch (IllegalArgumentException | IllegalStateException e) {
                    throw new IllegalArgumentException(args[1] + " is not an export from /partner");
                } catch (GeneralSecurityException e) {
                    err.println("partner-key decrypt: a supporter in " + args[1]
                            + " opens with none of these keysets (another key, or a changed line)");
                    return 1;
                }
                return 0;
            }
            default -> throw new IllegalArgumentException(USAGE);
        }
    }

    private static KeysetHandle privateKeyset(String file) throws IOException {
        String json = read(file);
        try {
            return PartnerKeys.parsePrivate(json);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException(file + " is not a private Tink HPKE keyset");
        }
    }

    private static String read(String file) throws IOException {
        try {
            return Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("No such file: " + file);
        }
    }
}

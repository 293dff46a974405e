/*
 * KeepHope's independent log verifier: one file, the JDK and nothing else, sharing no code with KeepHope.
 *
 *   java KeepHopeLogVerifier.java https://example.org/campaigns/keep-hope-alive --key <verifier key>
 *   java KeepHopeLogVerifier.java --receipt receipt.txt --key <verifier key>
 *   java KeepHopeLogVerifier.java <campaign URL> --key <key> --previous checkpoint-saved-earlier.txt
 *
 * It downloads the campaign's signed checkpoint and every entry (the C2SP tlog-tiles entry bundles), checks
 * the checkpoint's Ed25519 signature (C2SP signed note) against the verifier key, recomputes the Merkle tree
 * (RFC 9162) from the entries and compares its root with the signed one, checks every withdrawal, and prints
 * the verified count (additions minus withdrawals). With --receipt it checks the signer's receipt: its own
 * signed checkpoint, its inclusion proof, that the entry at its index is the one the receipt opens, and that
 * no withdrawal names it. With --previous it checks that the current log extends a checkpoint saved before.
 *
 * Without --key the key is read from the campaign's log page, on the same server: that checks that the log
 * is consistent, not that it is the one you expect. Keep the key from a source you trust.
 *
 * Exit status: 0 all checks passed, 1 something is not valid (the reason is printed), 2 wrong usage or the
 * server could not be reached.
 */

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class KeepHopeLogVerifier {

    /** A check that failed: the log, the checkpoint or the receipt is not what it claims. */
    static final class NotValid extends Exception {
        NotValid(String reason) {
            super(reason);
        }
    }

    /** Wrong usage, or the server could not be asked. */
    static final class Usage extends Exception {
        Usage(String reason) {
            super(reason);
        }
    }

    static final String DASH = "\u2014 ";
    static final int TILE_WIDTH = 256;
    static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();

    public static void main(String[] args) {
        try {
            System.exit(run(args));
        } catch (NotValid e) {
            System.out.println("NOT VALID: " + e.getMessage());
            System.exit(1);
        } catch (Usage e) {
            System.err.println("keephope-log-verifier: " + e.getMessage());
            System.err.println("usage: java KeepHopeLogVerifier.java [CAMPAIGN_URL] [--key KEY] [--receipt FILE]"
                    + " [--previous CHECKPOINT_FILE]");
            System.exit(2);
        }
    }

    static int run(String[] args) throws NotValid, Usage {
        String url = null;
        String key = null;
        Path receiptFile = null;
        Path previousFile = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--key" -> key = value(args, ++i, arg);
                case "--receipt" -> receiptFile = Path.of(value(args, ++i, arg));
                case "--previous" -> previousFile = Path.of(value(args, ++i, arg));
                case "-h", "--help" -> throw new Usage("checks a KeepHope campaign's signature log");
                default -> {
                    if (arg.startsWith("--") || url != null) {
                        throw new Usage("unexpected argument " + arg);
                    }
                    url = arg;
                }
            }
        }
        Receipt receipt = receiptFile == null ? null : Receipt.parse(read(receiptFile));
        if (url == null) {
            if (receipt == null) {
                throw new Usage("give the campaign's address, or a receipt");
            }
            url = receipt.logUrl;
        }
        url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        if (!url.matches("https?://[^\\s]+")) {
            throw new Usage("the campaign's address starts with https:// or http://");
        }

        if (key == null) {
            key = keyFromPage(url);
            System.out.println("warning: the key was read from " + url + "/log, the same server as the log;"
                    + " pass --key with a copy you trust for a check that does not rely on the server");
        }
        Verifier verifier = Verifier.parse(key);
        System.out.println("key: " + verifier.name + " (key id " + String.format("%08x", verifier.keyId) + ")");

        String note = fetchText(url + "/log/checkpoint");
        Checkpoint checkpoint = Checkpoint.parse(open(note, verifier));
        if (!checkpoint.origin.equals(verifier.name)) {
            throw new NotValid("the checkpoint names the log " + checkpoint.origin + ", the key " + verifier.name);
        }
        System.out.println("checkpoint: signature valid; " + checkpoint.size + " entries, root "
                + b64(checkpoint.root));

        List<byte[]> entries = fetchEntries(url, checkpoint.size);
        List<byte[]> leaves = new ArrayList<>(entries.size());
        for (byte[] entry : entries) {
            leaves.add(leafHash(entry));
        }
        byte[] root = root(leaves, 0, leaves.size());
        if (!MessageDigest.isEqual(root, checkpoint.root)) {
            throw new NotValid("the entries give the root " + b64(root) + ", the signed checkpoint says "
                    + b64(checkpoint.root) + ": an entry was changed, removed or moved");
        }
        System.out.println("entries: " + entries.size() + " downloaded, the Merkle root recomputed matches");

        long additions = 0;
        Set<Long> withdrawn = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            byte[] e = entries.get(i);
            if (e.length == 33 && e[0] == 0x01) {
                additions++;
            } else if (e.length == 9 && e[0] == 0x02) {
                long target = ByteBuffer.wrap(e, 1, 8).getLong();
                if (target < 0 || target >= i || entries.get((int) target)[0] != 0x01) {
                    throw new NotValid("entry " + i + " withdraws " + target + ", which is not an earlier addition");
                }
                if (!withdrawn.add(target)) {
                    throw new NotValid("entry " + i + " withdraws " + target + " a second time");
                }
            } else {
                throw new NotValid("entry " + i + " is neither an addition nor a withdrawal");
            }
        }

        if (previousFile != null) {
            Checkpoint previous = Checkpoint.parse(open(read(previousFile), verifier));
            checkExtends(previous, leaves, "the checkpoint in " + previousFile);
            System.out.println("previous checkpoint: " + previous.size + " entries, the current log extends it");
        }

        if (receipt != null) {
            Checkpoint signed = Checkpoint.parse(open(receipt.checkpoint, verifier));
            if (!signed.origin.equals(checkpoint.origin)) {
                throw new NotValid("the receipt is for the log " + signed.origin + ", not " + checkpoint.origin);
            }
            byte[] entry = receipt.entry(signed.origin);
            if (!verifyInclusion(receipt.index, signed.size, leafHash(entry), receipt.proof, signed.root)) {
                throw new NotValid("the receipt's proof does not lead from its entry to its signed checkpoint");
            }
            checkExtends(signed, leaves, "the receipt's checkpoint");
            if (!Arrays.equals(entries.get((int) receipt.index), entry)) {
                throw new NotValid("entry " + receipt.index + " of the log is not the receipt's");
            }
            if (withdrawn.contains(receipt.index)) {
                throw new NotValid("entry " + receipt.index + " was withdrawn: this signature no longer counts");
            }
            System.out.println("receipt: entry " + receipt.index + " (" + receipt.country
                    + ") is in the log and counted");
        }

        System.out.println("verified count: " + (additions - withdrawn.size()) + " (" + additions + " added, "
                + withdrawn.size() + " withdrawn)");
        return 0;
    }

    static String value(String[] args, int i, String option) throws Usage {
        if (i >= args.length) {
            throw new Usage(option + " needs a value");
        }
        return args[i];
    }

    static String read(Path file) throws Usage {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new Usage("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** A checkpoint's first {@code size} leaves, recomputed from the current log, give its root. */
    static void checkExtends(Checkpoint earlier, List<byte[]> leaves, String what) throws NotValid {
        if (earlier.size > leaves.size()) {
            throw new NotValid(what + " has " + earlier.size + " entries, the log now " + leaves.size());
        }
        if (!MessageDigest.isEqual(root(leaves, 0, (int) earlier.size), earlier.root)) {
            throw new NotValid(what + " is not consistent with the log now: its first " + earlier.size
                    + " entries were changed");
        }
    }

    // --- HTTP -------------------------------------------------------------------------------------------

    static byte[] fetch(String url) throws Usage, NotValid {
        HttpResponse<byte[]> response;
        try {
            response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new Usage("cannot fetch " + url + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Usage("interrupted");
        } catch (IllegalArgumentException e) {
            throw new Usage("not an address: " + url);
        }
        if (response.statusCode() == 404) {
            throw new NotValid(url + " is missing (404), though the signed checkpoint needs it");
        }
        if (response.statusCode() != 200) {
            throw new Usage(url + " answered " + response.statusCode());
        }
        return response.body();
    }

    static String fetchText(String url) throws Usage, NotValid {
        return new String(fetch(url), StandardCharsets.UTF_8);
    }

    static String keyFromPage(String url) throws Usage, NotValid {
        Matcher m = Pattern.compile("id=\"verifier-key\">([^<]+)<").matcher(fetchText(url + "/log"));
        if (!m.find()) {
            throw new Usage("no verifier key on " + url + "/log: pass --key");
        }
        return m.group(1).trim();
    }

    /** Every entry of a tree of {@code size}, from the full entry bundles and the last, partial one. */
    static List<byte[]> fetchEntries(String url, long size) throws Usage, NotValid {
        List<byte[]> entries = new ArrayList<>();
        for (long tile = 0; tile * TILE_WIDTH < size; tile++) {
            long width = Math.min(TILE_WIDTH, size - tile * TILE_WIDTH);
            String path = url + "/log/tile/entries/" + tilePath(tile) + (width == TILE_WIDTH ? "" : ".p/" + width);
            ByteBuffer bundle = ByteBuffer.wrap(fetch(path));
            int count = 0;
            while (bundle.hasRemaining()) {
                if (bundle.remaining() < 2) {
                    throw new NotValid(path + " ends inside an entry");
                }
                int length = bundle.getShort() & 0xffff;
                if (bundle.remaining() < length) {
                    throw new NotValid(path + " ends inside an entry");
                }
                byte[] entry = new byte[length];
                bundle.get(entry);
                entries.add(entry);
                count++;
            }
            if (count != width) {
                throw new NotValid(path + " holds " + count + " entries, not " + width);
            }
        }
        return entries;
    }

    /** N in groups of three digits, all but the last prefixed with x: 1234067 is x001/x234/067. */
    static String tilePath(long n) {
        StringBuilder out = new StringBuilder(String.format("%03d", n % 1000));
        n /= 1000;
        while (n > 0) {
            out.insert(0, String.format("x%03d/", n % 1000));
            n /= 1000;
        }
        return out.toString();
    }

    // --- RFC 9162 ---------------------------------------------------------------------------------------

    static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return digest.digest();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] leafHash(byte[] entry) {
        return sha256(new byte[] {0x00}, entry);
    }

    static byte[] nodeHash(byte[] left, byte[] right) {
        return sha256(new byte[] {0x01}, left, right);
    }

    /** MTH over leaves [from, to): the empty tree's is SHA-256 of nothing. */
    static byte[] root(List<byte[]> leaves, int from, int to) {
        int n = to - from;
        if (n == 0) {
            return sha256();
        }
        if (n == 1) {
            return leaves.get(from);
        }
        int k = Integer.highestOneBit(n - 1);
        return nodeHash(root(leaves, from, from + k), root(leaves, from + k, to));
    }

    /** RFC 9162 section 2.1.3.2. */
    static boolean verifyInclusion(long index, long size, byte[] leaf, List<byte[]> proof, byte[] root) {
        if (index >= size) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leaf;
        for (byte[] p : proof) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(r, root);
    }

    // --- C2SP signed notes and checkpoints -----------------------------------------------------------------

    record Verifier(String name, int keyId, byte[] publicKey) {

        static Verifier parse(String text) throws Usage {
            String[] parts = text.trim().split("\\+", 3);
            if (parts.length != 3 || parts[0].isEmpty() || !parts[1].matches("[0-9a-f]{8}")) {
                throw new Usage("not a verifier key (name+keyid+key): " + text);
            }
            byte[] typed;
            try {
                typed = Base64.getDecoder().decode(parts[2]);
            } catch (IllegalArgumentException e) {
                throw new Usage("the verifier key's key is not base64");
            }
            if (typed.length != 33 || typed[0] != 0x01) {
                throw new Usage("the verifier key is not an Ed25519 key");
            }
            byte[] key = Arrays.copyOfRange(typed, 1, 33);
            int id = (int) Long.parseLong(parts[1], 16);
            if (id != KeepHopeLogVerifier.keyId(parts[0], key)) {
                throw new Usage("the verifier key's id does not match its key");
            }
            return new Verifier(parts[0], id, key);
        }
    }

    static int keyId(String name, byte[] key) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.wrap(sha256(n, new byte[] {'\n', 0x01}, key)).getInt();
    }

    /** The note's text if a signature by this key checks. */
    static String open(String note, Verifier verifier) throws NotValid {
        int split = note.lastIndexOf("\n\n");
        if (split < 0 || !note.endsWith("\n")) {
            throw new NotValid("not a signed note: no blank line before the signatures");
        }
        String text = note.substring(0, split + 1);
        for (String line : note.substring(split + 2, note.length() - 1).split("\n", -1)) {
            if (!line.startsWith(DASH)) {
                throw new NotValid("not a signed note: a signature line starts with an em dash");
            }
            String[] fields = line.substring(DASH.length()).split(" ", -1);
            if (fields.length != 2 || !fields[0].equals(verifier.name)) {
                continue;
            }
            byte[] sig;
            try {
                sig = Base64.getDecoder().decode(fields[1]);
            } catch (IllegalArgumentException e) {
                throw new NotValid("a signature is not base64");
            }
            if (sig.length != 68 || ByteBuffer.wrap(sig).getInt() != verifier.keyId) {
                continue;
            }
            try {
                Signature check = Signature.getInstance("Ed25519");
                check.initVerify(publicKey(verifier.publicKey));
                check.update(text.getBytes(StandardCharsets.UTF_8));
                if (check.verify(Arrays.copyOfRange(sig, 4, 68))) {
                    return text;
                }
            } catch (GeneralSecurityException e) {
                throw new NotValid("the signature cannot be checked: " + e.getMessage());
            }
            throw new NotValid("the checkpoint's signature does not match its text (forged or changed)");
        }
        throw new NotValid("the checkpoint carries no signature by the key " + verifier.name + "+"
                + String.format("%08x", verifier.keyId));
    }

    static PublicKey publicKey(byte[] raw) throws GeneralSecurityException {
        byte[] der = HexFormat.of().parseHex("302a300506032b6570032100");
        byte[] x509 = Arrays.copyOf(der, der.length + raw.length);
        System.arraycopy(raw, 0, x509, der.length, raw.length);
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509));
    }

    record Checkpoint(String origin, long size, byte[] root) {

        static Checkpoint parse(String text) throws NotValid {
            String[] lines = text.split("\n", -1);
            if (lines.length < 4 || !lines[lines.length - 1].isEmpty()) {
                throw new NotValid("a checkpoint has an origin, a size and a root hash, one a line");
            }
            if (!lines[1].matches("0|[1-9][0-9]{0,18}")) {
                throw new NotValid("the checkpoint's size is not a number");
            }
            long size = Long.parseLong(lines[1]);
            if (size > Integer.MAX_VALUE) {
                throw new NotValid("the checkpoint's size is beyond what this verifier holds in memory");
            }
            byte[] root;
            try {
                root = Base64.getDecoder().decode(lines[2]);
            } catch (IllegalArgumentException e) {
                throw new NotValid("the checkpoint's root hash is not base64");
            }
            if (root.length != 32) {
                throw new NotValid("the checkpoint's root hash is not 32 bytes");
            }
            return new Checkpoint(lines[0], size, root);
        }
    }

    // --- receipts ---------------------------------------------------------------------------------------

    /** keephope-receipt/v1: a header, a blank line, a C2SP tlog-proof (index, proof hashes, blank, checkpoint). */
    record Receipt(String logUrl, String country, byte[] salt, long index, List<byte[]> proof, String checkpoint) {

        static Receipt parse(String text) throws NotValid {
            String[] lines = text.split("\n", -1);
            int i = 0;
            if (lines.length < 10 || !lines[i++].equals("keephope-receipt/v1")) {
                throw new NotValid("not a KeepHope receipt: it starts with keephope-receipt/v1");
            }
            String logUrl = field(lines[i++], "log");
            String country = field(lines[i++], "country");
            if (!country.matches("[A-Z]{2}")) {
                throw new NotValid("the receipt's country is not a two-letter code");
            }
            byte[] salt;
            try {
                salt = Base64.getDecoder().decode(field(lines[i++], "salt"));
            } catch (IllegalArgumentException e) {
                throw new NotValid("the receipt's salt is not base64");
            }
            if (salt.length != 32) {
                throw new NotValid("the receipt's salt is not 32 bytes");
            }
            if (!lines[i++].isEmpty() || !lines[i++].equals("c2sp.org/tlog-proof@v1")) {
                throw new NotValid("the receipt's proof starts with c2sp.org/tlog-proof@v1 after a blank line");
            }
            String index = field(lines[i++], "index");
            if (!index.matches("0|[1-9][0-9]{0,17}")) {
                throw new NotValid("the receipt's index is not a number");
            }
            List<byte[]> proof = new ArrayList<>();
            while (i < lines.length && !lines[i].isEmpty()) {
                try {
                    byte[] hash = Base64.getDecoder().decode(lines[i++]);
                    if (hash.length != 32) {
                        throw new NotValid("a proof hash of the receipt is not 32 bytes");
                    }
                    proof.add(hash);
                } catch (IllegalArgumentException e) {
                    throw new NotValid("a proof hash of the receipt is not base64");
                }
            }
            if (i >= lines.length) {
                throw new NotValid("the receipt has no checkpoint after its proof");
            }
            String checkpoint = String.join("\n", Arrays.copyOfRange(lines, i + 1, lines.length));
            return new Receipt(logUrl, country, salt, Long.parseLong(index), proof, checkpoint);
        }

        static String field(String line, String name) throws NotValid {
            if (!line.startsWith(name + " ") || line.length() == name.length() + 1) {
                throw new NotValid("the receipt lacks its " + name + " line");
            }
            return line.substring(name.length() + 1);
        }

        /** 0x01 ‖ SHA-256("keephope-signature/v1\n" ‖ origin ‖ "\n" ‖ country ‖ "\n" ‖ salt). */
        byte[] entry(String origin) {
            byte[] commitment = sha256(
                    ("keephope-signature/v1\n" + origin + "\n" + country + "\n").getBytes(StandardCharsets.UTF_8),
                    salt);
            byte[] entry = new byte[33];
            entry[0] = 0x01;
            System.arraycopy(commitment, 0, entry, 1, 32);
            return entry;
        }
    }

    static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}

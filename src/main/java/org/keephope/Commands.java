package org.keephope;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.keephope.partner.PartnerKeyTool;
import org.keephope.privacy.KeyTool;

/**
 * The tools the jar ships, one entry for all: {@code java -jar keephope.jar <tool> [arguments]}, with
 * {@code --help}. Without a tool name the jar starts KeepHope. A tool runs without Spring: it starts no server,
 * opens no database and reads no setting, so it can run anywhere the jar is (an operator's laptop, too).
 *
 * <p>A module adds a tool by adding one line to {@link #TOOLS}: a name, a one-line summary and a function of
 * the arguments after the name, its output and its error stream, returning the exit code.
 */
public final class Commands {

    /** What a tool is: the arguments after its name in, an exit code out. */
    @FunctionalInterface
    public interface Tool {
        int run(String[] args, PrintStream out, PrintStream err) throws Exception;
    }

    record Entry(String summary, Tool tool) {}

    static final Map<String, Entry> TOOLS = new LinkedHashMap<>();

    static {
        TOOLS.put(
                "keys", new Entry("keys aead|mac  prints a new Tink keyset (personal data | look-ups)", KeyTool::run));
        TOOLS.put(
                "partner-key",
                new Entry(
                        "partner-key new | public <private.json> | decrypt <export.csv> <private.json>...  a"
                                + " partner's HPKE keyset: make one, print its public part, open an export",
                        PartnerKeyTool::run));
    }

    private Commands() {}

    /** Whether these arguments name a tool (or ask for help) rather than start the application. */
    static boolean isTool(String[] args) {
        return args.length > 0 && (TOOLS.containsKey(args[0]) || isHelp(args[0]));
    }

    private static boolean isHelp(String arg) {
        return arg.equals("--help") || arg.equals("-h") || arg.equals("help");
    }

    /** Runs the named tool; returns its exit code (2 for a usage error). */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || isHelp(args[0])) {
            usage(out);
            return 0;
        }
        Entry entry = TOOLS.get(args[0]);
        if (entry == null) {
            err.println("Unknown tool: " + args[0]);
            usage(err);
            return 2;
        }
        try {
            return entry.tool().run(Arrays.copyOfRange(args, 1, args.length), out, err);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        } catch (Exception e) {
            err.println(args[0] + " failed: " + e);
            return 1;
        }
    }

    static void usage(PrintStream out) {
        out.println("Usage: java -jar keephope.jar                  starts KeepHope");
        out.println("       java -jar keephope.jar <tool> [args]    runs one of its tools:");
        TOOLS.values().forEach(entry -> out.println("         " + entry.summary()));
    }
}

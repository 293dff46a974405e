import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load generator for {@code POST /campaigns/{slug}/sign}. Run with the JDK source launcher:
 *
 * <pre>java bench/SignLoad.java --port 8080 [--clients 32] [--duration 20] [--warmup 60] [--slug keep-hope-alive]</pre>
 *
 * <p>C client threads each send synchronous requests in a loop (HTTP/1.1, redirects not followed), every
 * request with a unique email address. A request is acknowledged when it answers 303 with a Location ending
 * in {@code /check-email}; anything else is an error. Requests that complete during the warm-up are not
 * measured but are counted as acknowledged (for the lost-signature check). Traffic goes to 127.0.0.1 only.
 * Bounded by time (warm-up + duration, then at most one request timeout) and by a total request count.
 *
 * <p>With {@code --app-pid} (and {@code --postmaster-pid}) it also reports how the machine's CPU time was
 * shared during the measured window: the app, PostgreSQL (the postmaster, its auxiliary processes and the
 * backends of {@code --database}), this load generator and everything else (other processes on the
 * machine, kernel threads), and how much of it was spent in interrupts (network, disk).
 *
 * <p>The last lines are {@code key=value} pairs for scripts.
 */
public class SignLoad {

    private static final Pattern STAMP =
            Pattern.compile("<input type=\"hidden\" name=\"stamp\" value=\"([^\"]+)\">");

    /** Per-thread latency store (nanoseconds), grows as needed. */
    static final class Samples {
        long[] values = new long[4096];
        int size;

        void add(long v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = parse(args);
        int port = Integer.parseInt(require(opts, "port"));
        int clients = Integer.parseInt(opts.getOrDefault("clients", "32"));
        int durationSeconds = Integer.parseInt(opts.getOrDefault("duration", "20"));
        int warmupSeconds = Integer.parseInt(opts.getOrDefault("warmup", "60"));
        String slug = opts.getOrDefault("slug", "keep-hope-alive");
        long maxRequests = Long.parseLong(opts.getOrDefault("max-requests", "5000000"));
        int timeoutSeconds = Integer.parseInt(opts.getOrDefault("timeout", "35"));
        long appPid = Long.parseLong(opts.getOrDefault("app-pid", "0")); // for the CPU split, optional
        long postmasterPid = Long.parseLong(opts.getOrDefault("postmaster-pid", "0"));
        String database = opts.getOrDefault("database", "keephope_bench"); // whose backends count as ours
        if (clients < 1 || clients > 1024 || durationSeconds < 1 || durationSeconds > 600 || warmupSeconds < 0
                || warmupSeconds > 120) {
            throw new IllegalArgumentException("clients 1..1024, duration 1..600 s, warmup 0..120 s");
        }
        String base = "http://127.0.0.1:" + port; // loopback only, by construction
        URI page = URI.create(base + "/campaigns/" + slug);
        URI sign = URI.create(base + "/campaigns/" + slug + "/sign");

        ExecutorService pool = Executors.newFixedThreadPool(clients);
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();

        HttpResponse<String> pageResponse = http.send(
                HttpRequest.newBuilder(page).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = STAMP.matcher(pageResponse.body());
        if (pageResponse.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException(
                    "no sign form stamp on " + page + " (HTTP " + pageResponse.statusCode() + ")");
        }
        String stamp = m.group(1);
        String run = Long.toString(System.currentTimeMillis(), 36);

        long start = System.nanoTime();
        long measureFrom = start + TimeUnit.SECONDS.toNanos(warmupSeconds);
        long measureUntil = measureFrom + TimeUnit.SECONDS.toNanos(durationSeconds);

        AtomicLong issued = new AtomicLong();
        AtomicLong acknowledgedTotal = new AtomicLong(); // warm-up included
        AtomicLong acknowledged = new AtomicLong(); // completed inside the measured window
        AtomicLong errors = new AtomicLong(); // measured window
        AtomicLong errorsTotal = new AtomicLong();
        AtomicLong lateAcknowledged = new AtomicLong(); // sent in the window, answered after it
        AtomicLongArray perSecond = new AtomicLongArray(warmupSeconds + durationSeconds); // by completion time
        Map<String, AtomicLong> errorKinds = new ConcurrentHashMap<>();
        Samples[] samples = new Samples[clients];

        List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < clients; t++) {
            int thread = t;
            samples[t] = new Samples();
            futures.add(pool.submit(() -> {
                Samples mine = samples[thread];
                long seq = 0;
                while (System.nanoTime() < measureUntil && issued.incrementAndGet() <= maxRequests) {
                    String email = "bench-" + run + "-" + thread + "-" + (seq++) + "@example.org";
                    String body = form(
                            "firstName", "Bench",
                            "lastName", "Client " + thread,
                            "email", email,
                            "country", "SE",
                            "stamp", stamp,
                            "keepInformed", "on");
                    HttpRequest request = HttpRequest.newBuilder(sign)
                            .timeout(Duration.ofSeconds(timeoutSeconds))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build();
                    long sent = System.nanoTime();
                    String kind;
                    try {
                        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                        String location = response.headers().firstValue("Location").orElse("");
                        kind = response.statusCode() == 303 && location.endsWith("/check-email")
                                ? null
                                : "HTTP " + response.statusCode();
                    } catch (IOException e) {
                        kind = e.getClass().getSimpleName();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    long done = System.nanoTime();
                    boolean measured = sent >= measureFrom && sent < measureUntil;
                    if (kind == null) {
                        acknowledgedTotal.incrementAndGet();
                        int second = (int) ((done - start) / 1_000_000_000L);
                        if (second < perSecond.length()) {
                            perSecond.incrementAndGet(second);
                        }
                        if (measured) {
                            if (done < measureUntil) {
                                acknowledged.incrementAndGet();
                            } else {
                                lateAcknowledged.incrementAndGet();
                            }
                            mine.add(done - sent);
                        }
                    } else {
                        errorsTotal.incrementAndGet();
                        errorKinds.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
                        if (measured) {
                            errors.incrementAndGet();
                        }
                    }
                }
            }));
        }
        pool.shutdown();

        // CPU split over exactly the measured window, read from /proc (Linux): who used the cores.
        CpuSnapshot cpuFrom = null;
        CpuSnapshot cpuUntil = null;
        if (appPid > 0) {
            sleepUntil(measureFrom);
            cpuFrom = CpuSnapshot.take(appPid, postmasterPid, database);
            sleepUntil(measureUntil);
            cpuUntil = CpuSnapshot.take(appPid, postmasterPid, database);
        }
        long budget = TimeUnit.SECONDS.toMillis(warmupSeconds + durationSeconds + timeoutSeconds + 10);
        if (!pool.awaitTermination(budget, TimeUnit.MILLISECONDS)) {
            System.err.println("clients did not finish in time; interrupting");
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
        for (var f : futures) {
            try {
                f.get(1, TimeUnit.SECONDS);
            } catch (Exception e) {
                System.err.println("client failed: " + e);
            }
        }

        long total = 0;
        for (Samples s : samples) {
            total += s.size;
        }
        long[] all = new long[(int) total];
        int at = 0;
        for (Samples s : samples) {
            System.arraycopy(s.values, 0, all, at, s.size);
            at += s.size;
        }
        Arrays.sort(all);
        double rate = acknowledged.get() / (double) durationSeconds;
        StringBuilder timeline = new StringBuilder();
        for (int i = 0; i < perSecond.length(); i++) {
            timeline.append(i == 0 ? "" : i == warmupSeconds ? " | " : " ").append(perSecond.get(i));
        }
        System.out.printf(
                Locale.ROOT, "clients=%d warmup_s=%d duration_s=%d%n", clients, warmupSeconds, durationSeconds);
        System.out.println("per_second_303=" + timeline + "   (warm-up | measured)");
        if (!errorKinds.isEmpty()) {
            System.out.println("error_kinds=" + new TreeMap<>(errorKinds));
        }
        System.out.printf(Locale.ROOT, "signatures_per_s=%.1f%n", rate);
        System.out.printf(Locale.ROOT, "p50_ms=%.1f%n", percentile(all, 0.50));
        System.out.printf(Locale.ROOT, "p99_ms=%.1f%n", percentile(all, 0.99));
        System.out.printf(Locale.ROOT, "max_ms=%.1f%n", all.length == 0 ? Double.NaN : all[all.length - 1] / 1e6);
        System.out.println("acknowledged_measured=" + acknowledged.get());
        System.out.println("acknowledged_late=" + lateAcknowledged.get());
        System.out.println("errors_measured=" + errors.get());
        System.out.println("errors_total=" + errorsTotal.get());
        System.out.println("acknowledged_total=" + acknowledgedTotal.get());
        if (cpuFrom != null && cpuUntil != null) {
            CpuSnapshot.Split split = CpuSnapshot.between(cpuFrom, cpuUntil, acknowledged.get());
            System.out.println("cpu_measured=" + split);
            System.out.printf(Locale.ROOT, "cpu_ms_per_signature=%.3f%n", split.ours());
        }
        System.exit(0); // the HttpClient's selector thread is not a daemon in every JDK
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            Thread.sleep(Math.max(1, left / 1_000_000));
        }
    }

    /** CPU clock ticks from /proc at one moment (postgres is -1 when /proc could not be listed). */
    record CpuSnapshot(long nanos, long busy, long total, long irq, long app, long postgres, long self, int cores) {

        /** "postgres: 15/main: USER DATABASE HOST(PORT) STATE": a client backend, of some database. */
        private static final Pattern BACKEND =
                Pattern.compile("postgres: (?:[^:]+: )?\\S+ (\\S+) (?:\\[local\\]|\\S+\\(\\d+\\)).*");

        /**
         * PostgreSQL processes that work for us: the postmaster, its auxiliary processes (WAL writer,
         * checkpointer, autovacuum...) and the client backends of our database. Backends of other databases
         * (other users of a shared server) are left out, and so are backends that ended before the snapshot.
         */
        static CpuSnapshot take(long appPid, long postmasterPid, String database) {
            long[] cpu = new long[10];
            List<String> lines = readLines(Path.of("/proc/stat"));
            String[] f = lines.get(0).trim().split("\\s+"); // "cpu user nice system idle iowait irq softirq ..."
            int cores = (int) lines.stream().filter(l -> l.matches("cpu\\d+ .*")).count();
            for (int i = 1; i < f.length && i <= cpu.length; i++) {
                cpu[i - 1] = Long.parseLong(f[i]);
            }
            long busy = cpu[0] + cpu[1] + cpu[2] + cpu[5] + cpu[6];
            long total = busy + cpu[3] + cpu[4];
            long postgres = 0;
            if (postmasterPid > 0) {
                try (var dirs = Files.list(Path.of("/proc"))) {
                    for (Path dir : (Iterable<Path>) dirs::iterator) {
                        String name = dir.getFileName().toString();
                        if (!name.chars().allMatch(Character::isDigit)) {
                            continue;
                        }
                        long[] st = stat(Long.parseLong(name));
                        if (st == null) {
                            continue;
                        }
                        if (Long.parseLong(name) == postmasterPid) {
                            postgres += st[1] + st[2];
                        } else if (st[0] == postmasterPid) {
                            String title = readFirstLine(dir.resolve("cmdline")).replace('\0', ' ');
                            Matcher backend = BACKEND.matcher(title);
                            if (!backend.matches() || backend.group(1).equals(database)) {
                                postgres += st[1] + st[2];
                            }
                        }
                    }
                } catch (IOException e) {
                    postgres = -1;
                }
            }
            long[] app = stat(appPid);
            long[] self = stat(ProcessHandle.current().pid());
            return new CpuSnapshot(
                    System.nanoTime(),
                    busy,
                    total,
                    cpu[5] + cpu[6],
                    app == null ? 0 : app[1] + app[2],
                    postgres,
                    self == null ? 0 : self[1] + self[2],
                    cores);
        }

        /** ppid, utime, stime, cutime, cstime of a process, or null when it is gone. */
        private static long[] stat(long pid) {
            String line = readFirstLine(Path.of("/proc/" + pid + "/stat"));
            if (line.isEmpty()) {
                return null;
            }
            String[] f = line.substring(line.lastIndexOf(')') + 2).split(" "); // f[0] is the state (field 3)
            return new long[] {
                Long.parseLong(f[1]), Long.parseLong(f[11]), Long.parseLong(f[12]), Long.parseLong(f[13]),
                Long.parseLong(f[14])
            };
        }

        private static List<String> readLines(Path path) {
            try {
                return Files.readAllLines(path);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        private static String readFirstLine(Path path) {
            try (var reader = Files.newBufferedReader(path)) {
                String line = reader.readLine();
                return line == null ? "" : line;
            } catch (IOException e) {
                return "";
            }
        }

        /** Cores used between two snapshots, by whom; and CPU milliseconds per signature. */
        record Split(
                int cores,
                double machine,
                double app,
                double postgres,
                double self,
                double irq,
                double msPerSignature) {

            // Without IRQ_TIME_ACCOUNTING (the usual kernel build) a tick spent in an interrupt is charged both
            // to the irq/softirq columns of /proc/stat and to the process it interrupted: irq is shown, not
            // added.
            double other() {
                return machine - app - postgres - self;
            }

            /** Our CPU per signature: the app, our PostgreSQL processes, the load generator. */
            double ours() {
                return (app + postgres + self) * msPerSignature;
            }

            @Override
            public String toString() {
                return String.format(
                        Locale.ROOT,
                        "machine %.2f of %d cores busy: app %.2f, postgres %.2f, load generator %.2f, other"
                                + " processes %.2f (interrupts %.2f, charged to the processes they interrupted);"
                                + " CPU per signature: app %.2f ms, postgres %.2f ms, load generator %.2f ms",
                        machine, cores, app, postgres, self, other(), irq,
                        app * msPerSignature, postgres * msPerSignature, self * msPerSignature);
            }
        }

        static Split between(CpuSnapshot a, CpuSnapshot b, long signatures) {
            double seconds = (b.total - a.total) / (double) a.cores / 100.0; // USER_HZ is 100 on Linux
            return new Split(
                    a.cores,
                    (b.busy - a.busy) / 100.0 / seconds,
                    (b.app - a.app) / 100.0 / seconds,
                    a.postgres < 0 || b.postgres < 0 ? 0 : (b.postgres - a.postgres) / 100.0 / seconds,
                    (b.self - a.self) / 100.0 / seconds,
                    (b.irq - a.irq) / 100.0 / seconds,
                    signatures == 0 ? 0 : 1000.0 * seconds / signatures);
        }
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    private static String form(String... pairs) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return sb.toString();
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> opts = new TreeMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value, got " + args[i]);
            }
            opts.put(args[i].substring(2), args[++i]);
        }
        return opts;
    }

    private static String require(Map<String, String> opts, String name) {
        String v = opts.get(name);
        if (v == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return v;
    }
}

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The funnel benchmark's load and SMTP sink (issue 13 item 6), run by {@code bench/funnel.sh} with the JDK's
 * source launcher:
 *
 * <pre>java bench/Funnel.java --port APP --smtp-port S [--clients 32] [--duration 60] [--warmup 20]
 *     [--confirmers 8] [--drain-timeout 600] [--slug keep-hope-alive]</pre>
 *
 * <p>It opens an SMTP server on 127.0.0.1:S at once (the app is started after it, pointed at it): a sink that
 * speaks enough ESMTP for JavaMail (EHLO with PIPELINING, MAIL, RCPT, DATA, RSET, NOOP, QUIT), accepts every
 * message and timestamps it when its final "." arrives. Then, once the app is healthy:
 *
 * <ol>
 *   <li>warm-up: C clients sign for W seconds (not measured), then it waits until every warm-up signer's mail
 *       has arrived and been confirmed, so the wave starts on an empty backlog;
 *   <li>the wave: C clients sign for D seconds, each with a new address; the time of each 303 is kept;
 *   <li>as each confirmation mail arrives, its link is handed to K confirmers, which POST it (a second load,
 *       as supporters clicking); the time of each confirming 303 is kept;
 *   <li>a poller reads the campaign page's count every 250 ms during the wave and the drain;
 *   <li>after the wave it waits (bounded) until every wave signer's mail is in and confirmed and the page
 *       shows them all.
 * </ol>
 *
 * <p>Reports sign rate, mails/s during the wave and its ratio to signatures/s, the delay from each 303 to its
 * mail's acceptance (p50/p95/p99/max), the drain time after the wave, confirmed signatures/s, and the age of
 * the count on the page (for each poll, how long ago the oldest confirmation it did not yet show was
 * acknowledged; 0 when it showed all). The last lines are {@code key=value} pairs for the script. Traffic
 * goes to 127.0.0.1 only.
 */
public class Funnel {

    private static final Pattern STAMP = Pattern.compile("name=\"stamp\" value=\"([^\"]+)\"");
    private static final Pattern CONFIRM = Pattern.compile("/confirm/[A-Za-z0-9_\\-]+");
    private static final Pattern COUNT = Pattern.compile("class=\"count\"[^>]*>([^<]+)<");
    private static final Pattern BASE64_PART = Pattern.compile(
            "(?is)Content-Transfer-Encoding:\\s*base64\\r?\\n(?:[^\\r\\n]+\\r?\\n)*\\r?\\n([A-Za-z0-9+/=\\r\\n]+)");

    /** One wave signer: when the app acknowledged the signature, its mail arrived, its confirmation was acknowledged. */
    static final class Signer {
        final long signedAt;
        volatile long mailedAt;
        volatile long confirmedAt;

        Signer(long signedAt) {
            this.signedAt = signedAt;
        }
    }

    static final Map<String, Signer> wave = new ConcurrentHashMap<>();
    static final Map<String, Boolean> warmup = new ConcurrentHashMap<>();
    static final AtomicLong warmupConfirmed = new AtomicLong();
    static final AtomicLong mailsReceived = new AtomicLong();
    static final List<Long> mailTimes = Collections.synchronizedList(new ArrayList<>());
    static final BlockingQueue<String[]> toConfirm = new LinkedBlockingQueue<>(); // {email, path}
    static final AtomicLong smtpConnections = new AtomicLong();
    static final AtomicLong confirmErrors = new AtomicLong();

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int port = Integer.parseInt(opts.get("port"));
        int smtpPort = Integer.parseInt(opts.get("smtp-port"));
        int clients = Integer.parseInt(opts.getOrDefault("clients", "32"));
        int duration = Integer.parseInt(opts.getOrDefault("duration", "60"));
        int warmupSeconds = Integer.parseInt(opts.getOrDefault("warmup", "20"));
        int confirmers = Integer.parseInt(opts.getOrDefault("confirmers", "8"));
        int drainTimeout = Integer.parseInt(opts.getOrDefault("drain-timeout", "600"));
        String slug = opts.getOrDefault("slug", "keep-hope-alive");
        if (clients < 1 || clients > 512 || duration < 1 || duration > 600 || confirmers < 1 || confirmers > 64) {
            throw new IllegalArgumentException("clients 1..512, duration 1..600 s, confirmers 1..64");
        }

        ServerSocket smtp = new ServerSocket(smtpPort, 64, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> accept(smtp), "smtp-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        System.out.println("smtp sink listening on 127.0.0.1:" + smtpPort);

        String base = "http://127.0.0.1:" + port;
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        awaitHealthy(http, base, 180);

        ExecutorService confirming = Executors.newFixedThreadPool(confirmers);
        AtomicBoolean stop = new AtomicBoolean();
        for (int i = 0; i < confirmers; i++) {
            confirming.submit(() -> confirmLoop(http, base, stop));
        }

        String run = Long.toString(System.currentTimeMillis(), 36);
        URI page = URI.create(base + "/campaigns/" + slug);
        String stamp = stamp(http, page);

        // warm-up: sign, then let the backlog drain and the confirmations land
        if (warmupSeconds > 0) {
            sign(http, base, slug, stamp, clients, warmupSeconds, "w" + run, true);
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(drainTimeout);
            while (warmupConfirmed.get() < warmup.size() && System.nanoTime() < until) {
                Thread.sleep(200);
            }
            System.out.printf(
                    Locale.ROOT, "warm-up: %d signed, %d confirmed%n", warmup.size(), warmupConfirmed.get());
            Thread.sleep(2500); // the count settles (a node holds it for a second)
        }
        long shownBefore = shownCount(http, page);
        long mailsBefore = mailsReceived.get();

        // the poller: the count on the page, during the wave and the drain
        List<long[]> polls = Collections.synchronizedList(new ArrayList<>()); // {nanoTime, shown}
        AtomicBoolean polling = new AtomicBoolean(true);
        Thread poller = new Thread(
                () -> {
                    while (polling.get()) {
                        try {
                            long shown = shownCount(http, page);
                            polls.add(new long[] {System.nanoTime(), shown});
                            Thread.sleep(250);
                        } catch (InterruptedException e) {
                            return;
                        } catch (Exception e) {
                            polls.add(new long[] {System.nanoTime(), -1});
                        }
                    }
                },
                "count-poller");
        poller.start();

        long waveStart = System.nanoTime();
        long[] outcome = sign(http, base, slug, stamp, clients, duration, "f" + run, false);
        long waveEnd = System.nanoTime();
        long mailsInWave = 0;
        synchronized (mailTimes) {
            for (long t : mailTimes) {
                if (t >= waveStart && t < waveEnd) {
                    mailsInWave++;
                }
            }
        }

        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(drainTimeout);
        while (System.nanoTime() < until && !allConfirmedAndShown(polls, shownBefore)) {
            Thread.sleep(250);
        }
        Thread.sleep(1000);
        polling.set(false);
        poller.interrupt();
        poller.join(5000);
        stop.set(true);
        confirming.shutdownNow();
        confirming.awaitTermination(10, TimeUnit.SECONDS);

        // --- figures ---
        long acknowledged = wave.size();
        long[] delays = wave.values().stream()
                .filter(s -> s.mailedAt > 0)
                .mapToLong(s -> s.mailedAt - s.signedAt)
                .sorted()
                .toArray();
        long mailed = delays.length;
        long lastMail = wave.values().stream().mapToLong(s -> s.mailedAt).max().orElse(0);
        long[] confirmedTimes = wave.values().stream()
                .filter(s -> s.confirmedAt > 0)
                .mapToLong(s -> s.confirmedAt)
                .sorted()
                .toArray();
        long confirmedInWave = Arrays.stream(confirmedTimes).filter(t -> t < waveEnd).count();
        double seconds = (waveEnd - waveStart) / 1e9;
        double signRate = acknowledged / seconds;
        double mailRate = mailsInWave / seconds;
        long[] ages = ages(polls, confirmedTimes, shownBefore);

        System.out.printf(Locale.ROOT, "wave: %d s, %d clients, %d confirmers%n", duration, clients, confirmers);
        System.out.printf(Locale.ROOT, "signatures acknowledged (303): %d (%.0f/s), errors %d%n",
                acknowledged, signRate, outcome[1]);
        System.out.printf(Locale.ROOT, "mails accepted during the wave: %d (%.0f/s), over %d SMTP connections in all%n",
                mailsInWave, mailRate, smtpConnections.get());
        System.out.printf(Locale.ROOT, "wave signers' mails in: %d of %d; drain after the wave: %s%n",
                mailed, acknowledged,
                mailed == acknowledged ? String.format(Locale.ROOT, "%.1f s", Math.max(0, lastMail - waveEnd) / 1e9)
                        : "not drained");
        System.out.printf(Locale.ROOT, "delay 303 -> mail accepted: p50 %s, p95 %s, p99 %s, max %s%n",
                ms(delays, 0.50), ms(delays, 0.95), ms(delays, 0.99), ms(delays, 1.0));
        System.out.printf(Locale.ROOT, "confirmed (303): %d of %d; during the wave %d (%.0f/s); confirm errors %d%n",
                confirmedTimes.length, acknowledged, confirmedInWave, confirmedInWave / seconds, confirmErrors.get());
        System.out.printf(Locale.ROOT, "age of the count on the page (%d polls): p50 %s, p95 %s, max %s%n",
                ages.length, ms(ages, 0.50), ms(ages, 0.95), ms(ages, 1.0));
        System.out.println("signatures_per_s=" + Math.round(signRate));
        System.out.println("mails_per_s=" + Math.round(mailRate));
        System.out.printf(Locale.ROOT, "mail_ratio=%.2f%n", signRate > 0 ? mailRate / signRate : 0);
        System.out.println("acknowledged=" + acknowledged);
        System.out.println("errors=" + outcome[1]);
        System.out.println("mailed=" + mailed);
        System.out.println("confirmed=" + confirmedTimes.length);
        System.out.println("delay_p95_ms=" + ms(delays, 0.95));
        System.out.println("count_age_p95_ms=" + ms(ages, 0.95));
        System.exit(mailed == acknowledged && confirmedTimes.length == acknowledged && outcome[1] == 0 ? 0 : 3);
    }

    /** Signs with {@code clients} threads for {@code seconds}; returns {acknowledged, errors}. */
    static long[] sign(HttpClient http, String base, String slug, String stamp, int clients, int seconds,
            String tag, boolean isWarmup) throws InterruptedException {
        URI sign = URI.create(base + "/campaigns/" + slug + "/sign");
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int t = 0; t < clients; t++) {
            int thread = t;
            pool.submit(() -> {
                long seq = 0;
                while (System.nanoTime() < until) {
                    String email = "funnel-" + tag + "-" + thread + "-" + (seq++) + "@example.org";
                    String body = form("firstName", "Funnel", "lastName", "Client " + thread, "email", email,
                            "country", "SE", "stamp", stamp);
                    try {
                        HttpResponse<Void> answer = http.send(
                                HttpRequest.newBuilder(sign)
                                        .timeout(Duration.ofSeconds(35))
                                        .header("Content-Type", "application/x-www-form-urlencoded")
                                        .POST(HttpRequest.BodyPublishers.ofString(body))
                                        .build(),
                                HttpResponse.BodyHandlers.discarding());
                        long at = System.nanoTime();
                        if (answer.statusCode() == 303
                                && answer.headers().firstValue("Location").orElse("").endsWith("/check-email")) {
                            ok.incrementAndGet();
                            if (isWarmup) {
                                warmup.put(email, Boolean.TRUE);
                            } else {
                                wave.put(email, new Signer(at));
                            }
                        } else {
                            errors.incrementAndGet();
                        }
                    } catch (IOException e) {
                        errors.incrementAndGet();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        return new long[] {ok.get(), errors.get()};
    }

    static void confirmLoop(HttpClient http, String base, AtomicBoolean stop) {
        while (!stop.get()) {
            String[] next;
            try {
                next = toConfirm.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (next == null) {
                continue;
            }
            try {
                HttpResponse<Void> answer = http.send(
                        HttpRequest.newBuilder(URI.create(base + next[1]))
                                .timeout(Duration.ofSeconds(35))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 303) {
                    Signer signer = wave.get(next[0]);
                    if (signer != null) {
                        signer.confirmedAt = System.nanoTime();
                    } else if (warmup.containsKey(next[0])) {
                        warmupConfirmed.incrementAndGet();
                    }
                } else {
                    confirmErrors.incrementAndGet();
                }
            } catch (IOException e) {
                confirmErrors.incrementAndGet();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    static boolean allConfirmedAndShown(List<long[]> polls, long shownBefore) {
        long confirmed = wave.values().stream().filter(s -> s.confirmedAt > 0).count();
        if (confirmed < wave.size()) {
            return false;
        }
        synchronized (polls) {
            return !polls.isEmpty() && polls.get(polls.size() - 1)[1] - shownBefore >= wave.size();
        }
    }

    /** For each poll: how long ago the oldest acknowledged confirmation the page did not show yet was acknowledged. */
    static long[] ages(List<long[]> polls, long[] confirmedTimes, long shownBefore) {
        List<Long> ages = new ArrayList<>();
        synchronized (polls) {
            for (long[] poll : polls) {
                if (poll[1] < 0) {
                    continue;
                }
                long shown = poll[1] - shownBefore;
                // confirmations acknowledged before this poll
                int acknowledged = upperBound(confirmedTimes, poll[0]);
                if (shown >= acknowledged) {
                    ages.add(0L);
                } else {
                    int firstNotShown = (int) Math.max(0, shown);
                    ages.add(poll[0] - confirmedTimes[firstNotShown]);
                }
            }
        }
        return ages.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    static int upperBound(long[] sorted, long value) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted[mid] <= value) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    static String ms(long[] sortedNanos, double quantile) {
        if (sortedNanos.length == 0) {
            return "n/a";
        }
        int index = (int) Math.min(sortedNanos.length - 1, Math.ceil(quantile * sortedNanos.length) - 1);
        return Long.toString(Math.round(sortedNanos[Math.max(0, index)] / 1e6));
    }

    static long shownCount(HttpClient http, URI page) throws IOException, InterruptedException {
        String body = http.send(HttpRequest.newBuilder(page).timeout(Duration.ofSeconds(30)).build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher m = COUNT.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no count on " + page);
        }
        return Long.parseLong(m.group(1).replaceAll("[^0-9]", ""));
    }

    static String stamp(HttpClient http, URI page) throws IOException, InterruptedException {
        String body = http.send(HttpRequest.newBuilder(page).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = STAMP.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no sign form stamp on " + page);
        }
        return m.group(1).replace("&#61;", "=");
    }

    static void awaitHealthy(HttpClient http, String base, int seconds) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < until) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(300);
        }
        throw new IllegalStateException("the app was not healthy within " + seconds + " s");
    }

    static String form(String... pairs) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            if (body.length() > 0) {
                body.append('&');
            }
            body.append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return body.toString();
    }

    // --- the SMTP sink ---------------------------------------------------------------------------------------

    static void accept(ServerSocket server) {
        while (true) {
            try {
                Socket socket = server.accept();
                smtpConnections.incrementAndGet();
                Thread session = new Thread(() -> session(socket), "smtp-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    static void session(Socket socket) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream(), 65536);
            OutputStream out = socket.getOutputStream();
            reply(out, "220 funnel-sink ESMTP");
            List<String> recipients = new ArrayList<>();
            String line;
            while ((line = readLine(in)) != null) {
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line;
                switch (command) {
                    case "EHLO" -> reply(out, "250-funnel-sink\r\n250-PIPELINING\r\n250-8BITMIME\r\n250 SIZE 10485760");
                    case "HELO" -> reply(out, "250 funnel-sink");
                    case "MAIL" -> {
                        recipients.clear();
                        reply(out, "250 OK");
                    }
                    case "RCPT" -> {
                        int open = line.indexOf('<');
                        int close = line.indexOf('>', open + 1);
                        recipients.add(open >= 0 && close > open ? line.substring(open + 1, close) : line);
                        reply(out, "250 OK");
                    }
                    case "DATA" -> {
                        reply(out, "354 go ahead");
                        String message = readData(in);
                        long at = System.nanoTime();
                        received(recipients, message, at);
                        reply(out, "250 OK queued");
                    }
                    case "RSET" -> {
                        recipients.clear();
                        reply(out, "250 OK");
                    }
                    case "NOOP" -> reply(out, "250 OK");
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "502 not implemented");
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    static void received(List<String> recipients, String message, long at) {
        mailsReceived.incrementAndGet();
        mailTimes.add(at);
        String path = confirmLink(message);
        for (String to : recipients) {
            String email = to.toLowerCase(Locale.ROOT);
            Signer signer = wave.get(email);
            if (path == null) {
                continue;
            }
            if (signer != null && signer.mailedAt == 0) {
                signer.mailedAt = at;
                toConfirm.add(new String[] {email, path});
            } else if (signer == null && warmup.containsKey(email)) {
                toConfirm.add(new String[] {email, path});
            }
        }
    }

    /** The path of the confirmation link, whether the text part is quoted-printable, base64 or plain. */
    static String confirmLink(String message) {
        String unfolded = message.replace("=\r\n", "").replace("=3D", "=");
        Matcher m = CONFIRM.matcher(unfolded);
        if (m.find()) {
            return m.group();
        }
        Matcher part = BASE64_PART.matcher(message);
        while (part.find()) {
            try {
                String decoded = new String(
                        Base64.getMimeDecoder().decode(part.group(1)), StandardCharsets.UTF_8);
                Matcher inner = CONFIRM.matcher(decoded);
                if (inner.find()) {
                    return inner.group();
                }
            } catch (IllegalArgumentException notBase64) {
                // the next part
            }
        }
        return null;
    }

    static String readData(InputStream in) throws IOException {
        StringBuilder message = new StringBuilder();
        String line;
        while ((line = readLine(in)) != null) {
            if (line.equals(".")) {
                break;
            }
            message.append(line.startsWith("..") ? line.substring(1) : line).append("\r\n");
        }
        return message.toString();
    }

    static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
        return line.size() > 0 ? line.toString(StandardCharsets.ISO_8859_1) : null;
    }

    static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}

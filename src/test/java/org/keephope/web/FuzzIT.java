package org.keephope.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.keephope.account.SignedInStaff;
import org.keephope.campaign.CampaignStatus;
import org.keephope.campaign.Campaigns;
import org.keephope.campaign.Event;
import org.keephope.campaign.NewCampaign;
import org.keephope.coalition.NewOrganisation;
import org.keephope.coalition.Organisations;
import org.keephope.privacy.Fingerprints;
import org.keephope.signature.StoredSignatures;
import org.keephope.support.AbstractIntegrationTest;
import org.keephope.support.FuzzInputs;
import org.keephope.support.PageForms;
import org.keephope.support.RawHttp;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Hostile input against every route the application maps (found at run time, as {@code RoleMatrixIT} finds
 * them, so a new route is fuzzed the day it is added): public forms, staff forms with a real signed-in
 * session and CSRF token, the API, {@code /media/}, and requests that no HTTP client library would send.
 * Seeded and reproducible: the seed is printed, {@code -Dkeephope.fuzz.seed=N} repeats a run.
 *
 * <p>Every answer: no 5xx, no stack trace or exception text, no script shown unescaped, our security
 * headers. Afterwards: every signature acknowledged with 303 is stored, the staff session survived, and
 * the log holds no stack trace, no ERROR and none of the tokens or addresses that were sent.
 */
class FuzzIT extends AbstractIntegrationTest {

    static final int MINIMUM_INPUTS = 500;

    static final Pattern STACK_TRACE = Pattern.compile(
            "Exception|\\tat |\\bat [a-z]+\\.[\\w.$]+\\(|Caused by|java\\.lang|org\\.springframework|org\\.apache"
                    + "|jakarta\\.servlet|Whitelabel|HTTP Status \\d|SQLState|PSQLException|JdbcSQL|Tomcat");

    static final Pattern REFLECTED =
            Pattern.compile("<script>alert\\(7331|<img src=x onerror=alert\\(7331|<svg onload=alert\\(7331"
                    + "|(href|src|action)=\"javascript:alert\\(7331");

    /** A request as sent; {@code route} is the mapping it was made from. */
    record Sent(String route, String method, String target, List<String[]> headers, byte[] body) {

        String describe() {
            String shown = new String(body == null ? new byte[0] : body, StandardCharsets.ISO_8859_1);
            return method + " " + abbreviate(target) + " "
                    + headers.stream().map(h -> h[0] + ": " + abbreviate(h[1])).toList() + " body=" + abbreviate(shown);
        }
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Fingerprints fingerprints;

    @Autowired
    Campaigns campaigns;

    @Autowired
    Organisations organisations;

    private FuzzInputs fuzz;
    private final List<String> failures = new ArrayList<>();
    private final Set<String> acknowledged = new LinkedHashSet<>();
    private int sent;
    private int staffSent;
    private int staffReached;

    // fixtures: this test's own campaigns, organisation, post and staff member, so that it changes no one else's
    private String signSlug;
    private long signCampaignId;
    private String staffSlug;
    private long organisationId;
    private String organisationSlug;
    private long postId;
    private long victimId;
    private SignedInStaff.Session staff;

    @Test
    void hostileInputsNeverBreakTheSiteNorLoseASignature() throws Exception {
        long seed = Long.getLong("keephope.fuzz.seed", System.nanoTime());
        System.out.println("FuzzIT seed " + seed + " (repeat with -Dkeephope.fuzz.seed=" + seed + ")");
        fuzz = new FuzzInputs(seed);
        long started = System.nanoTime();
        createFixtures(seed);

        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        logs.start();
        root.addAppender(logs);
        try {
            List<String[]> routes = routes();
            fuzzPublicPages(routes);
            fuzzSignForm(seed);
            fuzzOtherPublicPosts(routes);
            fuzzStaff(routes);
            fuzzMedia();
            fuzzProtocol();
        } finally {
            root.detachAppender(logs);
            jdbc.sql("update campaign set status = 'DRAFT' where slug like 'fuzz-%'")
                    .update();
        }
        long seconds = (System.nanoTime() - started) / 1_000_000_000;
        System.out.printf(
                "FuzzIT seed %d: %d requests (%d staff, %d reached a handler), %d signatures acknowledged, %d s%n",
                seed, sent, staffSent, staffReached, acknowledged.size(), seconds);

        assertThat(sent).as("generated inputs").isGreaterThanOrEqualTo(MINIMUM_INPUTS);
        assertThat(failures)
                .as("seed %d: %d of %d answers broke a rule; the first ones", seed, failures.size(), sent)
                .satisfies(f -> assertThat(f.stream().limit(15).toList()).isEmpty());
        assertThat(acknowledged).as("signatures acknowledged").hasSizeGreaterThanOrEqualTo(20);
        for (String email : acknowledged) {
            assertThat(StoredSignatures.isStored(jdbc, fingerprints, signCampaignId, email))
                    .as("seed %d: the acknowledged signature of %s is stored", seed, email)
                    .isTrue();
        }
        assertThat(staffReached)
                .as("staff requests with a valid session and token reach their handlers")
                .isGreaterThan(staffSent / 2);
        assertThat(raw("GET", "/admin", withCookie(), null).status())
                .as("the staff session survived")
                .isEqualTo(200);
        List<String> badLogs = logs.list.stream()
                .filter(e -> !e.getLoggerName().startsWith("com.icegreen")) // the test's mail server, not the app
                .filter(e -> e.getThrowableProxy() != null
                        || e.getLevel().isGreaterOrEqual(Level.ERROR)
                        || e.getFormattedMessage().contains(FuzzInputs.MARK)
                        || e.getFormattedMessage().contains("@fuzz.example")
                        || e.getFormattedMessage().contains(staff.csrf()))
                .map(e -> e.getLevel() + " " + e.getLoggerName() + ": " + abbreviate(e.getFormattedMessage()))
                .toList();
        assertThat(badLogs)
                .as("seed %d: log lines with a stack trace, at ERROR or with input in them", seed)
                .isEmpty();
    }

    // ---------------------------------------------------------------- fixtures and routes

    private void createFixtures(long seed) {
        String suffix = Long.toHexString(seed & 0xffffffL);
        signSlug = "fuzz-sign-" + suffix;
        staffSlug = "fuzz-staff-" + suffix;
        signCampaignId = campaigns.create(campaign(signSlug, CampaignStatus.LIVE));
        campaigns.create(campaign(staffSlug, CampaignStatus.DRAFT));
        organisationSlug = "fuzz-organisation-" + suffix;
        organisationId = organisations
                .create(new NewOrganisation(organisationSlug, "Fuzz", "https://fuzz.example/", null, null))
                .id();
        victimId = SignedInStaff.editor(context);
        staff = SignedInStaff.admin(context, port);
        var created = raw(
                "POST",
                "/admin/news",
                List.of(withCookie().get(0), new String[] {"Content-Type", "application/x-www-form-urlencoded"}),
                ("_csrf=" + FuzzInputs.encode(staff.csrf()) + "&slug=fuzz-post-" + suffix
                                + "&originalLocale=en&title=Fuzz&excerpt=Fuzz&body=Fuzz&publishedAt=")
                        .getBytes(StandardCharsets.US_ASCII));
        assertThat(created.status()).as(created.body()).isEqualTo(303);
        Matcher id = Pattern.compile("/admin/news/(\\d+)/")
                .matcher(created.header("Location").orElseThrow());
        assertThat(id.find()).isTrue();
        postId = Long.parseLong(id.group(1));
    }

    private static NewCampaign campaign(String slug, CampaignStatus status) {
        return new NewCampaign(
                slug,
                status,
                "en",
                "Fuzz " + slug,
                "A campaign of the fuzz test",
                "Body of *the* fuzz campaign",
                null,
                null,
                new Event("Summit", "Here", LocalDate.of(2030, 1, 1), null),
                null,
                100,
                null);
    }

    /** Every route the application maps, as {method, pattern}. */
    private List<String[]> routes() {
        List<String[]> routes = new ArrayList<>();
        mappings.getHandlerMethods().keySet().forEach(info -> {
            for (String pattern : info.getPatternValues()) {
                var methods = info.getMethodsCondition().getMethods();
                for (RequestMethod method : methods.isEmpty() ? List.of(RequestMethod.GET) : methods) {
                    routes.add(new String[] {method.name(), pattern});
                }
            }
        });
        routes.add(new String[] {"GET", "/actuator/health"});
        routes.add(new String[] {"GET", "/css/site.css"});
        routes.add(new String[] {"GET", "/no-such-page"});
        assertThat(routes).extracting(r -> r[1]).contains("/campaigns/{slug}/sign", "/api/campaigns/{slug}");
        return routes;
    }

    /** The route's path with this test's fixtures in its variables, or (sometimes) hostile segments. */
    private String path(String pattern, boolean hostile) {
        Matcher variable = Pattern.compile("\\{([^}]+)}").matcher(pattern);
        StringBuilder path = new StringBuilder();
        while (variable.find()) {
            String value = hostile && fuzz.chance(0.5) ? fuzz.segment() : fixture(pattern, variable.group(1));
            variable.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        variable.appendTail(path);
        return path.toString();
    }

    private String fixture(String pattern, String name) {
        return switch (name) {
            case "slug" ->
                pattern.startsWith("/admin/") ? staffSlug : pattern.startsWith("/news/") ? "no-such-post" : signSlug;
            case "id" ->
                pattern.startsWith("/admin/organisations")
                        ? Long.toString(organisationId)
                        : pattern.startsWith("/admin/news/terms")
                                ? "999999"
                                : pattern.startsWith("/admin/news")
                                        ? Long.toString(postId)
                                        : pattern.startsWith("/admin/users")
                                                ? Long.toString(victimId)
                                                : pattern.startsWith("/media")
                                                        ? UUID.randomUUID().toString()
                                                        : UUID.randomUUID().toString();
            case "language" -> "ru";
            case "decision" -> "approve";
            case "organisation" -> organisationSlug;
            case "kind" -> "category";
            case "extension" -> "png";
            case "token" -> "fuzz" + UUID.randomUUID().toString().replace("-", "");
            default -> "x";
        };
    }

    private static boolean isStaff(String pattern) {
        return pattern.startsWith("/admin");
    }

    // ---------------------------------------------------------------- the phases

    private void fuzzPublicPages(List<String[]> routes) {
        for (String[] route : routes) {
            if (!route[0].equals("GET") || isStaff(route[1])) {
                continue;
            }
            for (int i = 0; i < 6; i++) {
                String method = i == 0 ? "GET" : oddMethod("GET");
                List<String[]> headers = readerHeaders();
                send(route[1], method, path(route[1], i > 0) + query(i > 0), headers, null);
            }
        }
    }

    private void fuzzSignForm(long seed) {
        PageForms.Form base = null;
        for (int i = 0; i < 160; i++) {
            if (base == null || i % 25 == 0) {
                base = signForm();
            }
            List<String[]> fields = new ArrayList<>();
            for (String[] f : base.fields()) {
                String value = switch (f[0]) {
                    case "firstName" -> "Fuzz";
                    case "lastName" -> "Tester";
                    case "email" -> FuzzInputs.encode("fuzz-" + Long.toHexString(seed) + "-" + i + "@fuzz.example");
                    case "country" -> i % 2 == 0 ? "IS" : "LU";
                    default -> f[1];
                };
                fields.add(new String[] {f[0], value});
            }
            boolean plain = i % 5 < 2;
            List<String[]> form = plain ? fields : fuzz.mutate(fields);
            String target = "/campaigns/" + signSlug + "/sign" + (fuzz.chance(0.2) ? "?lang=ru" : "");
            List<String[]> headers = new ArrayList<>();
            if (!plain && fuzz.chance(0.1)) {
                headers.add(new String[] {"Origin", "https://evil.example"});
                headers.add(new String[] {"Sec-Fetch-Site", "cross-site"});
            }
            sendForm("/campaigns/{slug}/sign", plain ? "POST" : oddMethod("POST"), target, headers, form, plain, null);
        }
    }

    private PageForms.Form signForm() {
        var page = raw("GET", "/campaigns/" + signSlug, List.of(), null);
        assertThat(page.status()).isEqualTo(200);
        return PageForms.of(page.body()).stream()
                .filter(f -> f.action().endsWith("/sign"))
                .findFirst()
                .orElseThrow();
    }

    private void fuzzOtherPublicPosts(List<String[]> routes) {
        for (String[] route : routes) {
            if (!route[0].equals("POST") || isStaff(route[1]) || route[1].equals("/campaigns/{slug}/sign")) {
                continue;
            }
            for (int i = 0; i < 8; i++) {
                List<String[]> form = fuzz.mutate(List.of(
                        new String[] {"email", FuzzInputs.encode("fuzz@fuzz.example")},
                        new String[] {"password", "x"},
                        new String[] {"code", "123456"},
                        new String[] {
                            "_csrf",
                            fuzz.chance(0.5)
                                    ? ""
                                    : FuzzInputs.encode(UUID.randomUUID().toString())
                        }));
                sendForm(route[1], oddMethod("POST"), path(route[1], true), new ArrayList<>(), form, false, null);
            }
        }
    }

    private void fuzzStaff(List<String[]> routes) {
        Map<String, PageForms.Form> forms = new LinkedHashMap<>();
        for (String page : List.of(
                "/admin",
                "/admin/campaigns/new",
                "/admin/campaigns/" + staffSlug + "/edit",
                "/admin/organisations/new",
                "/admin/organisations/" + organisationId + "/edit",
                "/admin/news/new",
                "/admin/news/" + postId + "/edit",
                "/admin/news/" + postId + "/translations/ru",
                "/admin/news/terms",
                "/admin/users",
                "/admin/moderation",
                "/admin/signatures")) {
            var answer = raw("GET", page, withCookie(), null);
            assertThat(answer.status()).as(page).isEqualTo(200);
            PageForms.of(answer.body()).forEach(f -> forms.putIfAbsent(f.action(), f));
        }
        for (String[] route : routes) {
            if (!isStaff(route[1]) || route[1].startsWith("/admin/signout")) {
                continue; // signing out is tested on its own, and would end this session
            }
            boolean post = route[0].equals("POST");
            for (int i = 0; i < (post ? 12 : 5); i++) {
                String path = path(route[1], i > 1);
                List<String[]> headers = withCookie();
                if (!post) {
                    staffSend(route[1], i == 0 ? "GET" : oddMethod("GET"), path + query(i > 0), headers, null, i < 3);
                    continue;
                }
                PageForms.Form form = forms.get(path.replaceAll("\\?.*", ""));
                List<String[]> fields = new ArrayList<>(
                        form == null
                                ? List.<String[]>of()
                                : form.fields().stream()
                                        .filter(f -> !f[0].equals("_csrf"))
                                        .toList());
                int token = fuzz.nextInt(10);
                String csrf = token < 8
                        ? staff.csrf()
                        : token == 8 ? null : UUID.randomUUID().toString();
                boolean multipart = form != null && form.multipart();
                List<String[]> mutated = i == 0 ? fields : fuzz.mutate(fields);
                String target = path;
                if (csrf != null && multipart) {
                    target = path + "?_csrf=" + FuzzInputs.encode(csrf);
                } else if (csrf != null) {
                    mutated.add(0, new String[] {"_csrf", FuzzInputs.encode(csrf)});
                }
                boolean valid = token < 8;
                if (multipart) {
                    sendMultipart(route[1], target, headers, mutated, form.files(), valid);
                } else {
                    sendForm(route[1], i == 0 ? "POST" : oddMethod("POST"), target, headers, mutated, false, valid);
                }
            }
        }
    }

    private void fuzzMedia() {
        for (int i = 0; i < 40; i++) {
            String target = "/media/" + fuzz.media();
            send("/media/{id}.{extension}", fuzz.chance(0.8) ? "GET" : oddMethod("GET"), target, readerHeaders(), null);
        }
    }

    /** Requests that break HTTP itself: a socket is the only way to send them. */
    private void fuzzProtocol() throws IOException {
        String big = "a".repeat(20_000);
        List<String> requests = List.of(
                "GET /a b HTTP/1.1\r\nHost: localhost\r\n\r\n",
                "GET  / HTTP/1.1\r\nHost: localhost\r\n\r\n",
                "GET / HTTP/1.1 extra\r\nHost: localhost\r\n\r\n",
                "GET /\u0000 HTTP/1.1\r\nHost: localhost\r\n\r\n",
                "GET /\t HTTP/1.1\r\nHost: localhost\r\n\r\n",
                "GET /%zz HTTP/1.1\r\nHost: localhost\r\n\r\n",
                "GET /% HTTP/1.1\r\nHost: localhost\r\n\r\n",
                "GET /%ff%fe HTTP/1.1\r\nHost: localhost\r\n\r\n",
                "GET /\u00ff HTTP/1.1\r\nHost: localhost\r\n\r\n",
                "GET /?q=%zz HTTP/1.1\r\nHost: localhost\r\n\r\n",
                "GET /?q=\u0001 HTTP/1.1\r\nHost: localhost\r\n\r\n",
                "GET /?q=<script>alert(7331)</script> HTTP/1.1\r\nHost: localhost\r\n\r\n",
                "GET /campaigns/%3Cscript%3Ealert(7331)%3C%2Fscript%3E HTTP/1.1\r\nHost: localhost\r\n\r\n",
                "GET /media/..%2f..%2fetc%2fpasswd HTTP/1.1\r\nHost: localhost\r\n\r\n",
                "GET /media/../../etc/passwd HTTP/1.1\r\nHost: localhost\r\n\r\n",
                "GET /media/%2e%2e/%2e%2e/etc/passwd HTTP/1.1\r\nHost: localhost\r\n\r\n",
                "GET /media/..\\..\\etc\\passwd HTTP/1.1\r\nHost: localhost\r\n\r\n",
                "GET /a;b HTTP/1.1\r\nHost: localhost\r\n\r\n",
                "GET //evil.example/ HTTP/1.1\r\nHost: localhost\r\n\r\n",
                "GET http://evil.example/admin HTTP/1.1\r\nHost: localhost\r\n\r\n",
                "GET admin HTTP/1.1\r\nHost: localhost\r\n\r\n",
                "GET * HTTP/1.1\r\nHost: localhost\r\n\r\n",
                "GET /" + "x".repeat(10_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n",
                "G\u0001T / HTTP/1.1\r\nHost: localhost\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: localhost\r\nBad\u0001Header: x\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: localhost\r\nX-Value: a\u0000b\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: localhost\r\nX: \u00ff\u00fe\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: localhost\r\n: empty-name\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: localhost\r\nNoColon\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: localhost\r\n folded: header\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: localhost\r\nX-Big: " + big + "\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: a b\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: localhost\r\nHost: evil.example\r\n\r\n",
                "GET / HTTP/1.1\r\n\r\n",
                "GET /admin HTTP/1.1\r\nHost: evil.example\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: localhost\r\nCookie: lang=<script>alert(7331)</script>\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: localhost\r\nAccept-Language: ;;;q=x,,,\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: localhost\r\nContent-Type: multipart/form-data\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: localhost\r\nContent-Type: multipart/form-data; boundary=\r\n\r\n",
                "POST /campaigns/" + signSlug + "/sign HTTP/1.1\r\nHost: localhost\r\nContent-Length: abc\r\n\r\n",
                "POST /campaigns/" + signSlug + "/sign HTTP/1.1\r\nHost: localhost\r\nContent-Length: -1\r\n\r\n",
                "POST /campaigns/" + signSlug + "/sign HTTP/1.1\r\nHost: localhost\r\nContent-Length: 3\r\n"
                        + "Content-Length: 5\r\n\r\nabcde",
                "POST /campaigns/" + signSlug + "/sign HTTP/1.1\r\nHost: localhost\r\nContent-Length: 4\r\n"
                        + "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
                "POST /campaigns/" + signSlug + "/sign HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n"
                        + "Content-Type: application/x-www-form-urlencoded\r\n\r\nzz\r\nabc\r\n0\r\n\r\n",
                "POST /campaigns/" + signSlug + "/sign HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: gzip\r\n\r\n",
                "POST /campaigns/" + signSlug + "/sign HTTP/1.1\r\nHost: localhost\r\nContent-Type: "
                        + "application/x-www-form-urlencoded; charset=no-such-charset\r\nContent-Length: 7\r\n\r\nemail=x",
                "POST /admin/organisations/" + organisationId + "/logo HTTP/1.1\r\nHost: localhost\r\nCookie: "
                        + staff.cookie()
                        + "\r\nContent-Type: multipart/form-data; boundary=zz\r\nContent-Length: 9\r\n\r\n"
                        + "--zz\r\nxyz",
                "GET / HTTP/1.0\r\n\r\n",
                "GET / HTTP/9.9\r\nHost: localhost\r\n\r\n");
        for (String request : requests) {
            byte[] bytes = request.getBytes(StandardCharsets.ISO_8859_1);
            Sent what = new Sent(
                    "raw", "RAW", abbreviate(request.lines().findFirst().orElse("")), List.of(), bytes);
            sent++;
            RawHttp.Answer answer;
            try {
                answer = RawHttp.exchange(port, bytes);
            } catch (IOException e) {
                failures.add("no answer at all to " + what.describe() + ": " + e);
                continue;
            }
            // HTTP itself asks for these: 505 for a version the server does not speak, 501 for a transfer
            // coding it does not know (RFC 9112, 6.1); they must still be our page with our headers
            boolean protocol = request.contains("HTTP/9.9") && answer.status() == 505
                    || request.contains("Transfer-Encoding: gzip") && answer.status() == 501;
            check(what, answer, protocol);
        }
    }

    // ---------------------------------------------------------------- sending

    private String oddMethod(String usual) {
        int n = fuzz.nextInt(20);
        return switch (n) {
            case 0 -> "PUT";
            case 1 -> "DELETE";
            case 2 -> "PATCH";
            case 3 -> "TRACE";
            case 4 -> "OPTIONS";
            case 5 -> "HEAD";
            case 6 -> "FOO";
            case 7 -> usual.equals("GET") ? "POST" : "GET";
            default -> usual;
        };
    }

    private String query(boolean hostile) {
        if (!hostile || fuzz.chance(0.4)) {
            return fuzz.chance(0.2) ? "?lang=ru" : "";
        }
        StringBuilder query = new StringBuilder("?");
        for (int i = fuzz.nextInt(3); i >= 0; i--) {
            String name = fuzz.pick(List.of("lang", "page", "category", "region", "email", "q", "sent", "saved"));
            query.append(query.length() > 1 ? "&" : "").append(name).append('=').append(fuzz.value("1"));
        }
        return query.toString();
    }

    private List<String[]> readerHeaders() {
        List<String[]> headers = new ArrayList<>();
        switch (fuzz.nextInt(8)) {
            case 0 -> headers.add(new String[] {"Accept", "application/json"});
            case 1 -> headers.add(new String[] {"Accept", "a/b;q=x, */*;q=-1"});
            case 2 -> headers.add(new String[] {"Accept-Language", "xx;q=abc, ru;q=2, " + "z".repeat(300)});
            case 3 ->
                headers.add(new String[] {"Cookie", "lang=\"><script>alert(7331)</script>; KEEPHOPE_SESSION=%ff"});
            case 4 -> headers.add(new String[] {"Content-Type", "multipart/form-data"});
            case 5 -> headers.add(new String[] {"Accept", "text/html"});
            default -> {}
        }
        return headers;
    }

    private List<String[]> withCookie() {
        List<String[]> headers = new ArrayList<>();
        headers.add(new String[] {"Cookie", staff.cookie()});
        return headers;
    }

    /** Sends a form, in one of the encodings a client might choose (and some it should not). */
    private void sendForm(
            String route,
            String method,
            String target,
            List<String[]> headers,
            List<String[]> form,
            boolean plain,
            Boolean staffValid) {
        String body = FuzzInputs.body(form);
        int encoding = plain ? 0 : fuzz.nextInt(16);
        byte[] bytes = body.getBytes(StandardCharsets.ISO_8859_1);
        switch (encoding) {
            case 10 -> headers.add(new String[] {"Content-Type", "text/plain"});
            case 11 -> {
                headers.add(new String[] {"Content-Type", "application/json"});
                bytes = ("{\"email\":\"" + FuzzInputs.MARK + "\",\"x\":[" + "[".repeat(fuzz.nextInt(2000)) + "]}")
                        .getBytes(StandardCharsets.UTF_8);
            }
            case 12 -> headers.add(new String[] {"Content-Type", "multipart/form-data"});
            case 13 ->
                headers.add(new String[] {"Content-Type", "application/x-www-form-urlencoded; charset=ISO-8859-1"});
            case 14 -> {} // no Content-Type at all
            case 15 -> {
                headers.add(new String[] {"Content-Type", "application/x-www-form-urlencoded"});
                headers.add(new String[] {"Transfer-Encoding", "chunked"});
            }
            default -> headers.add(new String[] {"Content-Type", "application/x-www-form-urlencoded"});
        }
        RawHttp.Answer answer = staffValid == null
                ? send(route, method, target, headers, bytes)
                : staffSend(route, method, target, headers, bytes, staffValid);
        if (answer != null
                && route.equals("/campaigns/{slug}/sign")
                && answer.status() == 303
                && answer.header("Location").orElse("").endsWith("/check-email")
                && (encoding < 10 || encoding == 15)) {
            String email = first(form, "email");
            String honeypot = first(form, "website");
            if (email != null && (honeypot == null || honeypot.isEmpty())) {
                acknowledged.add(email);
            }
        }
    }

    private void sendMultipart(
            String route,
            String target,
            List<String[]> headers,
            List<String[]> form,
            List<String> files,
            boolean valid) {
        String boundary = "----fuzz" + fuzz.nextInt(1_000_000);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (String[] field : form) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                            + FuzzInputs.decode(field[0]) + "\"\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(FuzzInputs.bytes(field[1]));
            body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        for (String file : files) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file
                            + "\"; filename=\"" + fuzz.pick(List.of("a.png", "../../a.png", "a.svg", "\"><x>.png"))
                            + "\"\r\nContent-Type: image/png\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(fuzz.chance(0.5) ? TINY_PNG : FuzzInputs.bytes(fuzz.value("GIF89a")));
            body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        body.writeBytes(("--" + boundary + (fuzz.chance(0.8) ? "--\r\n" : "")).getBytes(StandardCharsets.US_ASCII));
        headers.add(new String[] {
            "Content-Type", fuzz.chance(0.85) ? "multipart/form-data; boundary=" + boundary : "multipart/form-data"
        });
        staffSend(route, "POST", target, headers, body.toByteArray(), valid);
    }

    /** An 8 × 8 black PNG. */
    static final byte[] TINY_PNG = java.util.Base64.getDecoder()
            .decode(
                    "iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEklEQVR4nGNgGAWjYBSMAggAAAQIAAFy2uQkAAAAAElFTkSuQmCC");

    private RawHttp.Answer staffSend(
            String route, String method, String target, List<String[]> headers, byte[] body, boolean valid) {
        RawHttp.Answer answer = send(route, method, target, headers, body);
        if (valid && (method.equals("GET") || method.equals("POST"))) {
            staffSent++;
            if (answer != null && answer.status() != 403 && answer.status() != 302 && answer.status() != 401) {
                staffReached++;
            }
        }
        return answer;
    }

    private RawHttp.Answer send(String route, String method, String target, List<String[]> headers, byte[] body) {
        Sent what = new Sent(route, method, target, headers, body);
        sent++;
        RawHttp.Answer answer;
        try {
            answer = raw(method, target, headers, body);
        } catch (RuntimeException e) {
            failures.add("no answer to " + what.describe() + ": " + e);
            return null;
        }
        check(what, answer, false);
        return answer;
    }

    private RawHttp.Answer raw(String method, String target, List<String[]> headers, byte[] body) {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(
                (method + " " + target + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nConnection: close\r\n")
                        .getBytes(StandardCharsets.UTF_8));
        boolean chunked = false;
        for (String[] header : headers) {
            request.writeBytes((header[0] + ": " + header[1] + "\r\n").getBytes(StandardCharsets.UTF_8));
            chunked |= header[0].equals("Transfer-Encoding");
        }
        if (body != null && !chunked) {
            request.writeBytes(("Content-Length: " + body.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        request.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        if (body != null && chunked) {
            for (int at = 0; at < body.length; at += 1000) {
                int n = Math.min(1000, body.length - at);
                request.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                request.write(body, at, n);
                request.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            request.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        } else if (body != null) {
            request.writeBytes(body);
        }
        try {
            return RawHttp.exchange(port, request.toByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void check(Sent what, RawHttp.Answer answer, boolean versionRefused) {
        List<String> broken = new ArrayList<>();
        if (answer.status() >= 500 && !versionRefused) {
            broken.add("status " + answer.status());
        }
        {
            if (!answer.header("Content-Security-Policy").orElse("").contains("default-src 'self'")) {
                broken.add("no Content-Security-Policy");
            }
            if (!answer.header("X-Content-Type-Options").orElse("").equals("nosniff")) {
                broken.add("no X-Content-Type-Options");
            }
            if (!answer.header("Referrer-Policy").orElse("").equals("no-referrer")) {
                broken.add("no Referrer-Policy");
            }
            if (answer.header("X-Frame-Options").isEmpty()) {
                broken.add("no X-Frame-Options");
            }
        }
        if (STACK_TRACE.matcher(answer.body()).find()) {
            broken.add("exception text in the body");
        }
        if (REFLECTED.matcher(answer.body()).find()) {
            broken.add("script reflected unescaped");
        }
        if (answer.all("Allow").stream().anyMatch(a -> a.toUpperCase().contains("TRACE"))) {
            broken.add("Allow offers TRACE");
        }
        if (!broken.isEmpty()) {
            Matcher at = STACK_TRACE.matcher(answer.body());
            String context = at.find()
                    ? " near «"
                            + abbreviate(answer.body()
                                    .substring(
                                            Math.max(0, at.start() - 60),
                                            Math.min(answer.body().length(), at.end() + 60)))
                            + "»"
                    : "";
            failures.add(answer.status() + " " + broken + " for " + what.describe() + context);
        }
    }

    private static String first(List<String[]> form, String name) {
        for (String[] field : form) {
            if (FuzzInputs.decode(field[0]).equals(name)) {
                return FuzzInputs.decode(field[1]);
            }
        }
        return null;
    }

    static String abbreviate(String text) {
        String oneLine = text.replaceAll("[\\r\\n]+", "⏎");
        return oneLine.length() > 160 ? oneLine.substring(0, 160) + "…(" + oneLine.length() + ")" : oneLine;
    }
}

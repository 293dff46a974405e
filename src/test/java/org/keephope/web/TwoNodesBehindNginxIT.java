package org.keephope.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.keephope.account.SignedInStaff;
import org.keephope.support.AbstractIntegrationTest;
import org.keephope.support.Nginx;
import org.keephope.support.SecondNode;
import org.keephope.support.Signer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Issue 13 item 3: two KeepHope nodes on one database behind the shipped {@code deploy/nginx/keephope.conf}
 * (Debian's nginx on loopback). A staff session made through the balancer holds on either node, each
 * supporter gets exactly one mail though three nodes (these two and the test's own) run mail workers, the
 * count moves by exactly the confirmations, and a page nginx holds is still served with one node down and then
 * with both.
 */
class TwoNodesBehindNginxIT extends AbstractIntegrationTest {

    private static final String PAGE = "/campaigns/keep-hope-alive";
    private static final String COUNT = "/api/campaigns/keep-hope-alive";
    private static final Pattern SIGNATURES = Pattern.compile("\"signatures\":(\\d+)");

    @Autowired
    Environment environment;

    @Autowired
    ApplicationContext context;

    @Test
    void twoNodesBehindTheShippedNginxShareSessionsSendEachMailOnceCountExactlyAndOutliveANode() {
        Nginx.binary();
        // the nodes believe X-Forwarded-* from nginx only (README, "Behind a reverse proxy")
        Map<String, String> behindNginx = Map.of("keephope.web.trusted-proxies", "127.0.0.1");
        ConfigurableApplicationContext first = SecondNode.start(environment, behindNginx);
        ConfigurableApplicationContext second = SecondNode.start(environment, behindNginx);
        try (Nginx nginx = Nginx.start(portOf(first), portOf(second))) {
            sessionsAreShared(nginx, portOf(first), portOf(second));
            eachMailOnceAndCountsExact(nginx);
            aCachedPageOutlivesTheNodes(nginx, first, second);
        } finally {
            second.close();
            first.close();
        }
    }

    /** Signed in through nginx (the steps land on both nodes in turn); the session holds on each node. */
    private void sessionsAreShared(Nginx nginx, int first, int second) {
        SignedInStaff.Session staff = SignedInStaff.admin(context, nginx.port());
        for (int node : new int[] {first, second}) {
            var admin = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node + "/admin"))
                    .header("Cookie", staff.cookie())
                    .build());
            assertThat(admin.statusCode()).as("the session on node :" + node).isEqualTo(200);
            assertThat(admin.headers().firstValue("Cache-Control"))
                    .hasValueSatisfying(c -> assertThat(c).contains("no-store"));
        }
        var throughNginx = via(nginx, "/admin", "Cookie", staff.cookie());
        assertThat(throughNginx.statusCode()).isEqualTo(200);
        assertThat(throughNginx.headers().firstValue("X-Cache-Status"))
                .as("a staff page is never cached")
                .isEmpty();
        // compression: public pages yes (the node's own gzip, kept by nginx per variant), a staff page never
        var page = via(nginx, PAGE, "Accept-Encoding", "gzip");
        assertThat(page.headers().firstValue("Content-Encoding")).hasValue("gzip");
        var staffPage = via(nginx, "/admin", "Cookie", staff.cookie(), "Accept-Encoding", "gzip");
        assertThat(staffPage.statusCode()).isEqualTo(200);
        assertThat(staffPage.headers().firstValue("Content-Encoding"))
                .as("a page with a CSRF token is never compressed")
                .isEmpty();
    }

    private void eachMailOnceAndCountsExact(Nginx nginx) {
        long before = settledCount(nginx);
        List<Signer> signers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Signer signer = new Signer("Node" + i, "SE");
            var page = via(nginx, PAGE);
            assertThat(page.statusCode()).isEqualTo(200);
            var signed = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + nginx.port() + PAGE + "/sign"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(formBody(signer.formFrom(page.body()))))
                    .build());
            assertThat(signed.statusCode()).as(signed.body()).isEqualTo(303);
            signers.add(signer);
        }
        for (Signer signer : signers) {
            MimeMessage mail = signer.awaitMail();
            var confirmed = send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + nginx.port() + Signer.link(mail, "/confirm/")))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build());
            assertThat(confirmed.statusCode()).isEqualTo(303);
        }
        await(() -> count(nginx) == before + signers.size(), Duration.ofSeconds(15), "the count through nginx");
        Signer.sleep(3000);
        assertThat(settledCount(nginx)).as("counted exactly once each").isEqualTo(before + signers.size());
        for (Signer signer : signers) {
            assertThat(signer.mails()).as("one mail to " + signer.email).hasSize(1);
        }
    }

    private void aCachedPageOutlivesTheNodes(
            Nginx nginx, ConfigurableApplicationContext first, ConfigurableApplicationContext second) {
        await(() -> "HIT".equals(cacheStatus(via(nginx, PAGE))), Duration.ofSeconds(10), "a cached copy");
        second.close();
        for (int i = 0; i < 4; i++) {
            var page = via(nginx, PAGE);
            assertThat(page.statusCode()).as("one node down, request " + i).isEqualTo(200);
            assertThat(page.body()).contains("name=\"stamp\"");
        }
        first.close();
        Signer.sleep(2500);
        var page = via(nginx, PAGE);
        assertThat(page.statusCode()).as("both nodes down: " + nginx.errorLog()).isEqualTo(200);
        assertThat(cacheStatus(page)).as("served from nginx's copy").isIn("STALE", "UPDATING", "HIT");
        assertThat(page.body()).contains("name=\"stamp\"");
        var staff = via(nginx, "/admin");
        assertThat(staff.statusCode())
                .as("no copy of a staff page to fall back on")
                .isEqualTo(502);
    }

    private long settledCount(Nginx nginx) {
        // the nodes hold a count for up to a second and nginx for max-age=2 more
        Signer.sleep(3500);
        return count(nginx);
    }

    private long count(Nginx nginx) {
        String json = via(nginx, COUNT).body();
        var matcher = SIGNATURES.matcher(json);
        assertThat(matcher.find()).as(json).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    private HttpResponse<String> via(Nginx nginx, String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + nginx.port() + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    private static String cacheStatus(HttpResponse<String> answer) {
        return answer.headers().firstValue("X-Cache-Status").orElse("");
    }

    private static int portOf(ConfigurableApplicationContext node) {
        return node.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    private static void await(BooleanSupplier condition, Duration timeout, String what) {
        Instant end = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Signer.sleep(100);
        }
    }
}

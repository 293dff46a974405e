package org.keephope.partner;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keephope.account.SignedInStaff;
import org.keephope.campaign.Campaigns;
import org.keephope.campaign.MemberRole;
import org.keephope.coalition.NewOrganisation;
import org.keephope.coalition.Organisation;
import org.keephope.coalition.Organisations;
import org.keephope.signature.TestCampaignsAccess;
import org.keephope.support.AbstractIntegrationTest;
import org.keephope.support.Signer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 11 item 6: a partner's CRM receives signed webhooks. The receiver here is a real HTTP server on
 * loopback that checks every signature with its own HMAC written from the Standard Webhooks text, not with the
 * library the application signs with.
 */
class WebhookIT extends AbstractIntegrationTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    Campaigns campaigns;

    @Autowired
    Organisations organisations;

    @Autowired
    Partners partners;

    @Autowired
    Webhooks webhooks;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WebhookWorker worker;

    @Autowired
    PartnerRepository partnerRepository;

    @Autowired
    PartnerDirectory directory;

    String slug;
    Organisation partner;
    HttpServer server;
    final ConcurrentLinkedQueue<Integer> answers = new ConcurrentLinkedQueue<>();
    volatile long hangMillis;
    final List<Received> received = new CopyOnWriteArrayList<>();

    record Received(String id, String timestamp, String signature, String body, int answered) {}

    @BeforeEach
    void aPartnerWithAReceiver() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        partner = organisations.create(new NewOrganisation(
                "hooked-" + tag, "Hooked Partner " + tag, "https://hooked-" + tag + ".example.org", null, ""));
        slug = TestCampaignsAccess.live(context);
        long campaign = campaigns.ref(slug).orElseThrow().id();
        campaigns.addMember(campaign, partner, MemberRole.SUPPORTER, 0);
        partners.configure(campaign, partner, true, null, Map.of(), "test");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (hangMillis > 0) {
                Signer.sleep(hangMillis);
            }
            Integer code = answers.poll();
            int answer = code == null ? 200 : code;
            var h = exchange.getRequestHeaders();
            received.add(new Received(
                    h.getFirst("webhook-id"),
                    h.getFirst("webhook-timestamp"),
                    h.getFirst("webhook-signature"),
                    new String(body, StandardCharsets.UTF_8),
                    answer));
            exchange.sendResponseHeaders(answer, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopReceiver() {
        hangMillis = 0;
        server.stop(0);
    }

    String hookUrl() {
        // "localhost", not the address: SigningIT finds no "127.0.0.1" stored anywhere (no client address is kept)
        return "http://localhost:" + server.getAddress().getPort() + "/hook";
    }

    Map.Entry<Long, String> endpoint() {
        return webhooks.create("test", partner.id(), hookUrl(), Webhooks.EVENTS);
    }

    /** Verifies a delivery as the spec describes it: HMAC-SHA256 of "id.timestamp.body", base64, "v1," first. */
    static boolean verifies(Received r, String secret) throws Exception {
        assertThat(secret).startsWith("whsec_");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        String expected = "v1,"
                + Base64.getEncoder()
                        .encodeToString(mac.doFinal(
                                (r.id() + "." + r.timestamp() + "." + r.body()).getBytes(StandardCharsets.UTF_8)));
        for (String candidate : r.signature().split(" ")) {
            if (java.security.MessageDigest.isEqual(
                    candidate.getBytes(StandardCharsets.US_ASCII), expected.getBytes(StandardCharsets.US_ASCII))) {
                return true;
            }
        }
        return false;
    }

    List<Received> await(int count, String type) {
        return org.awaitility.Awaitility.await("no " + count + " " + type + " deliveries; got " + received)
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(50))
                .until(
                        () -> new ArrayList<>(received.stream()
                                .filter(r -> r.body().contains("\"type\":\"" + type + "\""))
                                .toList()),
                        matching -> matching.size() >= count);
    }

    /** Signs ticking the partner's box; returns the confirmation mail (not yet followed). */
    MimeMessage sign(Signer signer) {
        String page = get("/campaigns/" + slug).body();
        Matcher shown =
                Pattern.compile("name=\"consentShown\" value=\"([0-9 ]*)\"").matcher(page);
        assertThat(shown.find()).isTrue();
        Matcher box = Pattern.compile("id=\"consent_(\\d+)\"").matcher(page);
        assertThat(box.find()).isTrue();
        signer.with("consentShown", shown.group(1)).with("consent_" + box.group(1), "on");
        assertThat(post("/campaigns/" + slug + "/sign", signer.formFrom(page)).statusCode())
                .isEqualTo(303);
        return signer.awaitMail();
    }

    MimeMessage signAndConfirm(Signer signer) {
        MimeMessage mail = sign(signer);
        post(Signer.link(mail, "/confirm/"), Map.of());
        return mail;
    }

    String signatureIdIn(String body) {
        Matcher m = Pattern.compile("\"signature_id\":\"([0-9a-f-]{36})\"").matcher(body);
        assertThat(m.find()).as(body).isTrue();
        return m.group(1);
    }

    @Test
    void aConfirmationAndAnErasureReachThePartnerSignedAndTheErasureLeavesNoCopy() throws Exception {
        String secret = endpoint().getValue();
        Signer ann = new Signer("Ann", "DK");
        MimeMessage mail = signAndConfirm(ann);

        Received confirmed = await(1, Webhooks.CONFIRMED).get(0);
        assertThat(verifies(confirmed, secret)).as(confirmed.toString()).isTrue();
        assertThat(verifies(confirmed, Webhooks.newSecret())).isFalse();
        assertThat(confirmed.body())
                .as("no key registered: what the partner's export gives, in clear")
                .contains(ann.email)
                .contains("\"organisation_id\":" + partner.id());
        assertThat(Math.abs(Long.parseLong(confirmed.timestamp()) - System.currentTimeMillis() / 1000))
                .isLessThan(60);
        String id = signatureIdIn(confirmed.body());

        assertThat(post(Signer.link(mail, "/erase/"), Map.of()).statusCode()).isEqualTo(200);
        Received erased = await(1, Webhooks.ERASED).get(0);
        assertThat(verifies(erased, secret)).isTrue();
        assertThat(erased.body()).contains(id).doesNotContain(ann.email);
        assertThat(erased.id()).isNotEqualTo(confirmed.id());
        assertThat(jdbc.sql("select count(*) from partner_supporter where signature_id = ?")
                        .param(UUID.fromString(id))
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from webhook_delivery where event_id = ?")
                        .param(confirmed.id())
                        .query(Long.class)
                        .single())
                .as("the confirmation's body, with the address, is gone too")
                .isZero();
    }

    @Test
    void withdrawingThisPartnersConsentFromTheMailLinkSendsItSignatureErased() throws Exception {
        String secret = endpoint().getValue();
        Signer bo = new Signer("Bo", "SE");
        MimeMessage mail = signAndConfirm(bo);
        Received confirmed = await(1, Webhooks.CONFIRMED).get(0);
        String id = signatureIdIn(confirmed.body());

        var withdrawn = post(Signer.link(mail, "/erase/") + "/withdraw", Map.of("consent", partner.slug()));
        assertThat(withdrawn.statusCode()).isEqualTo(200);
        Received erased = await(1, Webhooks.ERASED).get(0);
        assertThat(verifies(erased, secret)).isTrue();
        assertThat(erased.body()).contains(id).doesNotContain(bo.email);
        assertThat(jdbc.sql("select count(*) from webhook_delivery where event_id = ?")
                        .param(confirmed.id())
                        .query(Long.class)
                        .single())
                .as("the confirmation's body, with the address, is gone for this partner")
                .isZero();
        assertThat(jdbc.sql("select count(*) from signature where id = ? and email_enc is not null")
                        .param(UUID.fromString(id))
                        .query(Long.class)
                        .single())
                .as("the signature itself stays: only this partner's consent was withdrawn")
                .isEqualTo(1);
    }

    @Test
    void aPartnerWithAKeyGetsThePersonalDataOnlySealed() throws Exception {
        var keyset = PartnerKeys.generate();
        partnerRepository.saveKey(partner.id(), PartnerKeys.publicJson(keyset), java.time.Instant.now());
        directory.forget();
        String secret = endpoint().getValue();
        Signer kim = new Signer("Kim", "DK");
        signAndConfirm(kim);
        Received r = await(1, Webhooks.CONFIRMED).get(0);
        assertThat(verifies(r, secret)).isTrue();
        assertThat(r.body()).doesNotContain(kim.email).doesNotContain("\"supporter\"");
        Matcher sealed = Pattern.compile("\"sealed\":\"([A-Za-z0-9+/=]+)\"").matcher(r.body());
        assertThat(sealed.find()).as(r.body()).isTrue();
        UUID id = UUID.fromString(signatureIdIn(r.body()));
        byte[] plain = PartnerKeys.decrypter(keyset)
                .decrypt(Base64.getDecoder().decode(sealed.group(1)), PartnerKeys.context(id, partner.id()));
        SupporterRecord record = SupporterRecord.parse(plain);
        assertThat(record.email()).isEqualTo(kim.email);
        assertThat(record.country()).isEqualTo("DK");
    }

    @Test
    void aFailedDeliveryIsRetriedWithTheSameIdUntilItIsDelivered() throws Exception {
        var endpoint = endpoint();
        answers.add(500);
        answers.add(500);
        signAndConfirm(new Signer("Bo", "DK"));
        List<Received> tries = await(3, Webhooks.CONFIRMED);
        assertThat(tries).extracting(Received::answered).startsWith(500, 500, 200);
        assertThat(tries).extracting(Received::id).containsOnly(tries.get(0).id());
        for (Received r : tries) {
            assertThat(verifies(r, endpoint.getValue())).isTrue();
        }
        awaitStatus(tries.get(0).id(), "DELIVERED");
        var log = webhooks.deliveries(partner.id(), endpoint.getKey(), 10);
        assertThat(log).hasSize(1);
        assertThat(log.get(0).attempts()).isEqualTo(3);
        assertThat(log.get(0).lastStatus()).isEqualTo(200);
    }

    void awaitStatus(String eventId, String status) {
        org.awaitility.Awaitility.await(eventId + " not " + status)
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(50))
                .until(
                        () -> jdbc.sql("select status from webhook_delivery where event_id = ?")
                                .param(eventId)
                                .query(String.class)
                                .list(),
                        List.of(status)::equals);
    }

    @Test
    void goneDisablesTheEndpointAndIsAudited() {
        var endpoint = endpoint();
        answers.add(410);
        signAndConfirm(new Signer("Cy", "DK"));
        Received gone = await(1, Webhooks.CONFIRMED).get(0);
        awaitStatus(gone.id(), "FAILED");
        var stored = webhooks.endpoint(partner.id(), endpoint.getKey()).orElseThrow();
        assertThat(stored.enabled()).isFalse();
        assertThat(stored.disabledReason()).isEqualTo("410 Gone");
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'webhook.disable' and object_id = ?")
                        .param(String.valueOf(endpoint.getKey()))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        // a disabled endpoint gets nothing more
        signAndConfirm(new Signer("Di", "DK"));
        Signer.sleep(1000);
        assertThat(received).hasSize(1);
    }

    @Test
    void aHangingReceiverDoesNotSlowSigning() {
        endpoint();
        hangMillis = 8000;
        long start = System.nanoTime();
        signAndConfirm(new Signer("Ed", "DK"));
        signAndConfirm(new Signer("Flo", "DK"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
    }

    @Test
    void duringARotationBothSecretsVerifyAndAfterItOnlyTheNewOne() throws Exception {
        var endpoint = endpoint();
        String old = endpoint.getValue();
        String fresh = webhooks.rotate("test", partner.id(), endpoint.getKey()).orElseThrow();
        signAndConfirm(new Signer("Gus", "DK"));
        Received during = await(1, Webhooks.CONFIRMED).get(0);
        assertThat(during.signature().split(" ")).hasSize(2);
        assertThat(verifies(during, old)).isTrue();
        assertThat(verifies(during, fresh)).isTrue();

        assertThat(webhooks.endRotation("test", partner.id(), endpoint.getKey()))
                .isTrue();
        signAndConfirm(new Signer("Hal", "DK"));
        Received after = await(2, Webhooks.CONFIRMED).get(1);
        assertThat(verifies(after, fresh)).isTrue();
        assertThat(verifies(after, old)).isFalse();
    }

    @Test
    void anotherPartnersEndpointIsNotFound() {
        var endpoint = endpoint();
        Organisation other = organisations.create(new NewOrganisation(
                "other-" + UUID.randomUUID().toString().substring(0, 8),
                "Other",
                "https://other.example.org",
                null,
                ""));
        assertThat(webhooks.endpoint(other.id(), endpoint.getKey())).isEmpty();
        assertThat(webhooks.rotate("x", other.id(), endpoint.getKey())).isEmpty();
        assertThat(webhooks.setEnabled("x", other.id(), endpoint.getKey(), false))
                .isFalse();
        assertThat(webhooks.deliveries(other.id(), endpoint.getKey(), 10)).isEmpty();
        assertThat(webhooks.endpoint(partner.id(), endpoint.getKey())
                        .orElseThrow()
                        .enabled())
                .isTrue();
    }

    java.net.http.HttpResponse<String> postAs(SignedInStaff.Session session, String path, Map<String, String> form) {
        Map<String, String> withToken = new java.util.LinkedHashMap<>(form);
        withToken.put("_csrf", session.csrf());
        return post(path, withToken, "Cookie", session.cookie(), "Origin", "http://localhost:" + port);
    }

    @Test
    void aPartnerManagesItsEndpointsAtPartnerWebhooksAndCannotTouchAnotherPartners() throws Exception {
        var mine = SignedInStaff.partner(context, port, partner.id());
        assertThat(get("/partner", "Cookie", mine.cookie()).body()).contains("href=\"/partner/webhooks\"");
        var page = get("/partner/webhooks", "Cookie", mine.cookie());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("signature.confirmed").contains("signature.erased");

        // an invalid URL is a field error beside the field, the form kept
        var wrong = postAs(mine, "/partner/webhooks", Map.of("url", "not a url", "events", Webhooks.CONFIRMED));
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(wrong.body()).contains("id=\"url-error\"").contains("value=\"not a url\"");
        var noEvent = postAs(mine, "/partner/webhooks", Map.of("url", hookUrl()));
        assertThat(noEvent.statusCode()).isEqualTo(422);
        assertThat(noEvent.body()).contains("id=\"events-error\"");
        assertThat(webhooks.endpoints(partner.id())).isEmpty();

        // made: the secret is shown once, and signs what the receiver gets
        var made = postAs(mine, "/partner/webhooks", Map.of("url", hookUrl(), "events", Webhooks.CONFIRMED));
        assertThat(made.statusCode()).isEqualTo(200);
        assertThat(made.headers().firstValue("Cache-Control")).hasValue("no-store");
        Matcher secret = Pattern.compile("whsec_[A-Za-z0-9+/=]+").matcher(made.body());
        assertThat(secret.find()).isTrue();
        var endpoint = webhooks.endpoints(partner.id()).get(0);
        assertThat(endpoint.events()).isEqualTo(Webhooks.CONFIRMED);
        assertThat(get("/partner/webhooks", "Cookie", mine.cookie()).body())
                .contains(hookUrl())
                .doesNotContain(secret.group());
        signAndConfirm(new Signer("Ivy", "DK"));
        Received delivered = await(1, Webhooks.CONFIRMED).get(0);
        assertThat(verifies(delivered, secret.group())).isTrue();
        awaitStatus(delivered.id(), "DELIVERED");

        // the log lists it; replay sends it once more, with the same id
        String logPath = "/partner/webhooks/" + endpoint.id();
        var log = get(logPath, "Cookie", mine.cookie());
        assertThat(log.statusCode()).isEqualTo(200);
        assertThat(log.body()).contains(delivered.id());
        long deliveryId =
                webhooks.deliveries(partner.id(), endpoint.id(), 1).get(0).id();
        assertThat(postAs(mine, logPath + "/deliveries/" + deliveryId + "/replay", Map.of())
                        .statusCode())
                .isEqualTo(303);
        assertThat(await(2, Webhooks.CONFIRMED).get(1).id()).isEqualTo(delivered.id());

        // another partner sees none of it and changes nothing
        Organisation other = organisations.create(new NewOrganisation(
                "nosy-" + UUID.randomUUID().toString().substring(0, 8), "Nosy", "https://nosy.example.org", null, ""));
        var nosy = SignedInStaff.partner(context, port, other.id());
        assertThat(get("/partner/webhooks", "Cookie", nosy.cookie()).body()).doesNotContain(hookUrl());
        assertThat(get(logPath, "Cookie", nosy.cookie()).statusCode()).isEqualTo(404);
        for (String action :
                List.of("/rotate", "/end-rotation", "/disable", "/enable", "/deliveries/" + deliveryId + "/replay")) {
            assertThat(postAs(nosy, logPath + action, Map.of()).statusCode())
                    .as(action)
                    .isEqualTo(404);
        }
        var still = webhooks.endpoint(partner.id(), endpoint.id()).orElseThrow();
        assertThat(still.enabled()).isTrue();
        assertThat(still.previousSecret()).isNull();

        // the owner rotates, ends the rotation, disables: each audited
        var rotated = postAs(mine, logPath + "/rotate", Map.of());
        assertThat(rotated.statusCode()).isEqualTo(200);
        assertThat(rotated.body()).contains("whsec_").doesNotContain(secret.group());
        assertThat(get("/partner/webhooks", "Cookie", mine.cookie()).body()).contains("end-rotation");
        assertThat(postAs(mine, logPath + "/end-rotation", Map.of()).statusCode())
                .isEqualTo(303);
        assertThat(postAs(mine, logPath + "/disable", Map.of()).statusCode()).isEqualTo(303);
        assertThat(webhooks.endpoint(partner.id(), endpoint.id()).orElseThrow().enabled())
                .isFalse();
        assertThat(jdbc.sql(
                                "select action from audit_entry where object_type = 'webhook' and object_id = ? order by id")
                        .param(String.valueOf(endpoint.id()))
                        .query(String.class)
                        .list())
                .containsExactly(
                        "webhook.create",
                        "webhook.replay",
                        "webhook.rotate",
                        "webhook.end-rotation",
                        "webhook.disable");
        // anonymous: sent to sign in
        assertThat(get("/partner/webhooks").statusCode()).isIn(302, 303, 401);
    }

    @Test
    void aQueuedDeliveryWaitsInTheDatabaseWhileNoWorkerRunsAndAnotherNodeDeliversIt() throws Exception {
        String secret = endpoint().getValue();
        worker.stop();
        try {
            signAndConfirm(new Signer("Jo", "DK"));
            Signer.sleep(600);
            assertThat(received).as("no worker, nothing sent").isEmpty();
            assertThat(jdbc.sql(
                                    "select count(*) from webhook_delivery d join webhook_endpoint e on e.id = d.endpoint_id"
                                            + " where e.organisation_id = ? and d.status = 'PENDING'")
                            .param(partner.id())
                            .query(Long.class)
                            .single())
                    .as("the event is a row, committed with the confirmation")
                    .isEqualTo(1);
            // a new node (its own worker, its own node id) takes it from the database
            var node = new WebhookWorker(
                    context.getBean(WebhookRepository.class),
                    webhooks,
                    context.getBean(WebhookProperties.class),
                    context.getBean(org.springframework.transaction.support.TransactionTemplate.class),
                    context.getBean(org.keephope.audit.AuditLog.class),
                    context.getBean(java.time.Clock.class));
            org.awaitility.Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> {
                        node.work();
                        return !received.isEmpty();
                    });
            Received r = await(1, Webhooks.CONFIRMED).get(0);
            assertThat(verifies(r, secret)).isTrue();
            awaitStatus(r.id(), "DELIVERED");
        } finally {
            worker.start();
        }
    }
}

package org.keephope.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keephope.audit.AuditLog;
import org.keephope.support.AbstractStaffTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** Asking for a password reset: the same answer for everyone, limits per account and per client (issue 8, item 4). */
class PasswordResetIT extends AbstractStaffTest {

    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SetupTokens tokens;

    @Autowired
    AuditLog audit;

    @Autowired
    DataSource dataSource;

    @Autowired
    AccountProperties properties;

    StaffFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = StaffFixtures.from(context);
    }

    long resetMails(StaffFixtures.Member member) {
        return jdbc.sql("select count(*) from mail_outbox where reference = ?")
                .param("staff-reset:" + member.id())
                .query(Long.class)
                .single();
    }

    long auditEntries(StaffFixtures.Member member, String action) {
        return audit.newest(0, 500).stream()
                .filter(e -> member.email().equals(e.actor()) && action.equals(e.action()))
                .count();
    }

    static String client() {
        return "192.0.2." + (ADDRESSES.incrementAndGet() % 250 + 1);
    }

    MockHttpServletResponse requestReset(String email, String client) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.post("/login/reset")
                        .param("email", email)
                        .with(csrf())
                        .with(request -> {
                            request.setRemoteAddr(client);
                            return request;
                        }))
                .andReturn()
                .getResponse();
    }

    @Test
    void knownAndUnknownAddressesGetTheSameAnswerWithoutWaitingForTheAccount() throws Exception {
        var member = fixtures.create(StaffRole.EDITOR);
        String unknown = "nobody-" + member.id() + "@example.org";
        tokens.issue(SetupTokens.Purpose.RESET, member.id(), Duration.ofHours(1)); // an earlier link
        StaffClient browser = new StaffClient(port);
        browser.get("/login/reset");

        // hold the member's earlier link: whatever works on this account now has to wait
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(false);
            try (var statement = lock.prepareStatement(
                    "select id from setup_token where user_id = ? and purpose = 'RESET' and used_at is null for update")) {
                statement.setLong(1, member.id());
                statement.executeQuery().close();
            }
            try {
                for (String email : new String[] {unknown, member.email()}) {
                    long t0 = System.nanoTime();
                    HttpResponse<String> answer = CompletableFuture.supplyAsync(
                                    () -> browser.post("/login/reset", Map.of("email", email)))
                            .get(5, TimeUnit.SECONDS);
                    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
                    assertThat(answer.statusCode()).as(email).isEqualTo(303);
                    assertThat(answer.headers().firstValue("Location")).hasValue("/login/reset?sent");
                    assertThat(answer.body()).isEmpty();
                    assertThat(millis)
                            .as("the answer for %s does not wait for the account's work", email)
                            .isLessThan(1_000);
                }
                assertThat(resetMails(member))
                        .as("not yet: the work waits for the lock")
                        .isZero();
            } finally {
                lock.rollback();
            }
        }
        awaitCount(() -> resetMails(member), 1);
        assertThat(resetMails(member)).isEqualTo(1);
    }

    @Test
    void aMemberGetsAtMostThreeResetLinksAnHourHoweverManyAreAskedFor() throws Exception {
        var member = fixtures.create(StaffRole.EDITOR);
        for (int i = 0; i < 5; i++) {
            var answer = requestReset(member.email(), client());
            assertThat(answer.getStatus()).isEqualTo(303);
            assertThat(answer.getRedirectedUrl()).isEqualTo("/login/reset?sent");
        }
        awaitCount(
                () -> auditEntries(member, "staff.password-reset-requested")
                        + auditEntries(member, "staff.password-reset-limited"),
                5);
        assertThat(auditEntries(member, "staff.password-reset-requested")).isEqualTo(3);
        assertThat(auditEntries(member, "staff.password-reset-limited")).isEqualTo(2);
        assertThat(resetMails(member)).isEqualTo(3);
    }

    @Test
    void aClientThatSpentItsBudgetIsRefusedOthersAreNot() throws Exception {
        String client = client();
        for (int i = 0; i < properties.clientFailuresPerWindow(); i++) {
            assertThat(requestReset("someone-" + i + "@example.org", client).getStatus())
                    .isEqualTo(303);
        }
        var refused = requestReset("one-more@example.org", client);
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getContentAsString())
                .contains("Too many requests came from your connection")
                .contains("value=\"one-more@example.org\"");
        assertThat(requestReset("one-more@example.org", client()).getStatus())
                .as("another client")
                .isEqualTo(303);
    }

    static void awaitCount(java.util.function.LongSupplier count, long expected) {
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(15))
                .pollInterval(java.time.Duration.ofMillis(100))
                .until(() -> count.getAsLong() >= expected);
    }
}

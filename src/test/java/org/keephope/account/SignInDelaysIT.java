package org.keephope.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keephope.support.AbstractStaffTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Growing delays instead of a lock (issue 8, item 4): the attacker comes from other addresses (MockMvc sets
 * them), the owner from a browser of their own over real HTTP.
 */
class SignInDelaysIT extends AbstractStaffTest {

    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    org.keephope.audit.AuditLog audit;

    StaffFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = StaffFixtures.from(context);
    }

    @Test
    void anAttackerElsewhereCannotLockTheOwnerOutOfABrowserTheyUsedBefore() throws Exception {
        var member = fixtures.create(StaffRole.EDITOR);
        StaffClient laptop = new StaffSignIns(port, fixtures)
                .signedIn(member); // the owner's browser: now a known device of the account
        assertThat(laptop.cookie("KEEPHOPE_DEVICE")).isPresent();

        String attacker = "203.0.113." + (ADDRESSES.incrementAndGet() % 200 + 1);
        for (int i = 0; i < 5; i++) {
            int status = mvc.perform(MockMvcRequestBuilders.post("/login")
                            .param("email", member.email())
                            .param("password", "guess number " + i)
                            .with(csrf())
                            .with(request -> {
                                request.setRemoteAddr(attacker);
                                return request;
                            }))
                    .andReturn()
                    .getResponse()
                    .getStatus();
            assertThat(status).isEqualTo(401);
        }
        // and as the counters stand after hours of it: each attempt waits the longest
        jdbc.sql("update staff_user set failed_attempts = 40, next_attempt_at = ? where id = ?")
                .params(org.keephope.support.Rows.param(clock.instant().plus(Duration.ofMinutes(15))), member.id())
                .update();
        StaffClient stranger = new StaffClient(port);
        stranger.get("/login");
        assertThat(stranger.post("/login", Map.of("email", member.email(), "password", StaffFixtures.PASSWORD))
                        .statusCode())
                .as("an unknown browser waits, like the attacker")
                .isEqualTo(401);

        laptop.get("/login");
        var owner = laptop.post("/login", Map.of("email", member.email(), "password", StaffFixtures.PASSWORD));
        assertThat(owner.statusCode())
                .as("the owner's own browser goes on at once")
                .isEqualTo(303);
        assertThat(owner.headers().firstValue("Location")).hasValue("/login/totp");
        assertThat(audit.newest(0, 30))
                .as("the attempts that came too early are in the audit log")
                .anySatisfy(e -> {
                    assertThat(e.actor()).isEqualTo(member.email());
                    assertThat(e.detail()).isEqualTo("too early after failures");
                });
    }
}

package org.keephope.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.keephope.support.Signer;

/** Staff sign-ins over real HTTP, step by step, for the tests of the sign-in itself. */
final class StaffSignIns {

    private final int port;
    private final StaffFixtures fixtures;

    StaffSignIns(int port, StaffFixtures fixtures) {
        this.port = port;
        this.fixtures = fixtures;
    }

    /** A client that has passed the password step and stops there. */
    StaffClient pending(StaffFixtures.Member member, String expectedNext) {
        StaffClient client = new StaffClient(port);
        client.get("/login");
        var answer = client.post("/login", Map.of("email", member.email(), "password", StaffFixtures.PASSWORD));
        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.headers().firstValue("Location")).hasValue(expectedNext);
        return client;
    }

    StaffClient signedIn(StaffFixtures.Member member) {
        StaffClient client = pending(member, "/login/totp");
        client.get("/login/totp");
        assertThat(client.post("/login/totp", Map.of("code", fixtures.code(member)))
                        .statusCode())
                .isEqualTo(303);
        client.get("/admin");
        return client;
    }

    /** Signs in, waiting for the next TOTP step when this member's current one was used already. */
    StaffClient signedInWhenAllowed(StaffFixtures.Member member) {
        long deadline = System.currentTimeMillis() + 35_000;
        while (true) {
            StaffClient client = pending(member, "/login/totp");
            client.get("/login/totp");
            var code = client.post("/login/totp", Map.of("code", fixtures.code(member)));
            if (code.statusCode() == 303 || System.currentTimeMillis() > deadline) {
                assertThat(code.statusCode()).isEqualTo(303);
                client.get("/admin");
                return client;
            }
            Signer.sleep(2000);
        }
    }
}

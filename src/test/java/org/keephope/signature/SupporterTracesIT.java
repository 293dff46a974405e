package org.keephope.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keephope.support.AbstractIntegrationTest;

/** What a supporter leaves behind and what a hostile client can read or break (issue 8). */
class SupporterTracesIT extends AbstractIntegrationTest {

    static final String PAGE = "/campaigns/keep-hope-alive";

    @Test
    void aSlugWithCharactersAUriCannotHoldIsA404ProblemNotA500() {
        for (String encoded : new String[] {"%20", "%3C", "%3E", "%22", "%7B", "%7D", "%7C", "%5E"}) {
            var answer = get("/api/campaigns/a" + encoded + "b");
            assertThat(answer.statusCode()).as(encoded).isEqualTo(404);
            assertThat(answer.headers().firstValue("Content-Type"))
                    .as(encoded)
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(answer.body()).as(encoded).contains("\"instance\":\"/api/campaigns/a" + encoded + "b\"");
        }
    }

    @Test
    void theConfirmRedirectCarriesTheTokenEncodedNotAsTheClientSentIt() {
        var answer = post("/confirm/a%20b%3Cc%22d", Map.of());
        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.headers().firstValue("Location")).hasValue("/confirm/a%20b%3Cc%22d");
    }
}

package org.keephope.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.keephope.support.AbstractStaffTest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * An anonymous visitor must not be able to stop the site with wrong passwords: each check costs a 46 MiB
 * Argon2id hash, and a hash that held a pooled database connection let a few dozen of them take every
 * connection. The attackers come from 30 addresses (so no per-client limit stops them) and go through the
 * whole filter chain; the reader fetches the campaign page over real HTTP meanwhile.
 */
class SignInUnderLoadIT extends AbstractStaffTest {

    static final String PAGE = "/campaigns/keep-hope-alive";
    static final int ATTACKERS = 30;
    static final long ATTACK_MILLIS = 5_000;

    record Answer(int status, String retryAfter, String body) {}

    @Test
    void thirtyParallelWrongSignInsDoNotStallTheCampaignPage() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(get(PAGE).statusCode()).isEqualTo(200); // warm: the page's first render compiles nothing later
        }
        long quietWorst = worstLatency(1_500);

        ExecutorService pool = Executors.newFixedThreadPool(ATTACKERS);
        CountDownLatch start = new CountDownLatch(1);
        ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
        List<Future<?>> attackers = new ArrayList<>();
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ATTACK_MILLIS);
        for (int i = 0; i < ATTACKERS; i++) {
            String address = "198.51.100." + (i + 1);
            String email = (i % 2 == 0 ? "nobody-" : "attacker-") + i + "@example.org";
            attackers.add(pool.submit(() -> {
                start.await();
                while (System.nanoTime() < end) {
                    MockHttpServletResponse response = mvc.perform(MockMvcRequestBuilders.post("/login")
                                    .param("email", email)
                                    .param("password", "not the password at all")
                                    .with(csrf())
                                    .with(request -> {
                                        request.setRemoteAddr(address);
                                        return request;
                                    }))
                            .andReturn()
                            .getResponse();
                    answers.add(new Answer(
                            response.getStatus(), response.getHeader("Retry-After"), response.getContentAsString()));
                }
                return null;
            }));
        }
        start.countDown();
        long underAttackWorst;
        try {
            underAttackWorst = worstLatency(ATTACK_MILLIS);
        } finally {
            for (Future<?> attacker : attackers) {
                attacker.get(2, TimeUnit.MINUTES);
            }
            pool.shutdownNow();
        }

        var statuses = answers.stream()
                .collect(java.util.stream.Collectors.groupingBy(
                        Answer::status, java.util.TreeMap::new, java.util.stream.Collectors.counting()));
        System.out.printf(
                "SignInUnderLoadIT: campaign page worst latency %d ms quiet, %d ms under attack; sign-in answers %s%n",
                quietWorst, underAttackWorst, statuses);
        assertThat(answers).isNotEmpty();
        assertThat(statuses).as("over the cap, the busy answer").containsKey(503);
        assertThat(answers)
                .as("a wrong password is refused, or the check is refused while the site is busy")
                .allSatisfy(a -> assertThat(a.status()).isIn(401, 429, 503));
        assertThat(answers.stream().filter(a -> a.status() == 503))
                .as("busy answers say when to come back, on our page")
                .allSatisfy(a -> {
                    assertThat(a.retryAfter()).isEqualTo("5");
                    assertThat(a.body()).contains("Please try again in a few seconds");
                });
        assertThat(underAttackWorst)
                .as("worst campaign page latency under attack (ms); %d ms without attack", quietWorst)
                .isLessThan(1_000);
    }

    /** Fetches the campaign page for {@code millis}, one request after another; the slowest answer in ms. */
    private long worstLatency(long millis) {
        long worst = 0;
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        int fetched = 0;
        while (System.nanoTime() < end) {
            long t0 = System.nanoTime();
            assertThat(get(PAGE).statusCode()).isEqualTo(200);
            worst = Math.max(worst, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
            fetched++;
            org.keephope.support.Signer.sleep(20);
        }
        assertThat(fetched).as("the reader was answered during the measurement").isGreaterThan(0);
        return worst;
    }
}

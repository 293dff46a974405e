package org.keephope.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * While the database is away a kept public page is answered from its last rendered copy, not with an error
 * (issue 13 item 5); a page never rendered, and any page once the copy is older than stale-if-error, still fail.
 */
class StaleIfErrorTest {

    /** A clock the test moves. */
    static final class Hands extends Clock {
        Instant now = Instant.parse("2026-12-03T08:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final Hands clock = new Hands();
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final CacheProperties properties = new CacheProperties(
            Duration.ofSeconds(2), 100, Duration.ofMinutes(10), Duration.ofSeconds(1), Duration.ofMinutes(5));
    final PublicPageCache filter = new PublicPageCache(
            properties,
            clock,
            registry,
            new RenderedPages(properties, clock, registry),
            new LanguageSelection(new SiteProperties("http://localhost")));

    /** What the application does for the next request: render this body, or fail. */
    final AtomicReference<Object> next = new AtomicReference<>();

    final FilterChain application = (request, response) -> {
        Object what = next.get();
        if (what instanceof RuntimeException e) {
            throw e;
        }
        if (what instanceof Integer status) {
            ((HttpServletResponse) response).setStatus(status);
            response.getWriter().write("error page");
            return;
        }
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write((String) what);
    };

    MockHttpServletResponse get(String path) throws Exception {
        var request = new MockHttpServletRequest("GET", path);
        request.setRequestURI(path);
        var response = new MockHttpServletResponse();
        filter.doFilter(request, response, application);
        return response;
    }

    double stale() {
        var counter = registry.find("keephope.pages.render.cache")
                .tag("result", "stale")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aKeptPageWhoseRenderingFailsIsAnsweredWithItsLastCopy() throws Exception {
        next.set("<p>count 41</p>");
        assertThat(get("/campaigns/keep-hope-alive").getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo("<p>count 41</p>");

        clock.now = clock.now.plusSeconds(3); // the copy is stale: the next reader renders
        next.set(new DataAccessResourceFailureException("the database is restarting"));
        var answer = get("/campaigns/keep-hope-alive");

        assertThat(answer.getStatus()).isEqualTo(200);
        assertThat(answer.getContentAsString(StandardCharsets.UTF_8)).isEqualTo("<p>count 41</p>");
        assertThat(answer.getHeader("Cache-Control")).isEqualTo("public, max-age=2");
        assertThat(answer.getHeader("ETag")).startsWith("W/\"");
        assertThat(stale()).isEqualTo(1);
    }

    @Test
    void aServerErrorPageIsReplacedByTheLastCopyButAClientErrorIsNot() throws Exception {
        next.set("<p>news</p>");
        get("/news");
        clock.now = clock.now.plusSeconds(3);

        next.set(503);
        var replaced = get("/news");
        assertThat(replaced.getStatus()).isEqualTo(200);
        assertThat(replaced.getContentAsString(StandardCharsets.UTF_8)).isEqualTo("<p>news</p>");

        next.set(404);
        var notFound = get("/news");
        assertThat(notFound.getStatus()).isEqualTo(404);
        assertThat(notFound.getContentAsString(StandardCharsets.UTF_8)).isEqualTo("error page");
        assertThat(stale()).isEqualTo(1);
    }

    @Test
    void withoutACopyOrPastStaleIfErrorTheFailureStands() throws Exception {
        next.set(new DataAccessResourceFailureException("away"));
        assertThatThrownBy(() -> get("/campaigns/never-rendered"))
                .isInstanceOf(DataAccessResourceFailureException.class);

        next.set("<p>page</p>");
        get("/campaigns/rendered-once");
        clock.now = clock.now.plus(Duration.ofMinutes(6)); // older than stale-if-error (5 min)
        next.set(new DataAccessResourceFailureException("away"));
        assertThatThrownBy(() -> get("/campaigns/rendered-once"))
                .isInstanceOf(DataAccessResourceFailureException.class);
        assertThat(stale()).isZero();
    }
}

package org.keephope.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import jakarta.servlet.ServletException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.multipart.MultipartException;

class RequestErrorsTest {

    final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    final RequestErrors filter = new RequestErrors(new BadInputLog(Clock.systemUTC()));

    @BeforeEach
    void capture() {
        appender.start();
        root.addAppender(appender);
    }

    @AfterEach
    void release() {
        root.detachAppender(appender);
    }

    /** Parameters that Tomcat cannot parse throw when first asked for, as Tomcat 11 does. */
    static MockHttpServletRequest unparsable() {
        var request = new MockHttpServletRequest("POST", "/campaigns/x/sign") {
            @Override
            public java.util.Map<String, String[]> getParameterMap() {
                throw new InvalidParameterException(
                        "Character decoding failed. Parameter [email] with value [a@example.org]", 400);
            }
        };
        request.setContentType("application/x-www-form-urlencoded");
        request.setContent("email=a%40example.org%ff".getBytes(StandardCharsets.US_ASCII));
        return request;
    }

    @Test
    void aNulInTheQueryOfAMultipartRequestIs400BeforeAnyHandler() throws Exception {
        // found by FuzzIT on PostgreSQL: GET /news?category=1%00 sent as multipart reached the query (a 500)
        var request = new MockHttpServletRequest("GET", "/news");
        request.setContentType("multipart/form-data");
        request.setQueryString("category=1%00");
        var response = new MockHttpServletResponse();
        boolean[] reached = {false};
        filter.doFilter(request, response, (req, res) -> reached[0] = true);
        assertThat(reached[0]).isFalse();
        assertThat(response.getStatus()).isEqualTo(400);
    }

    @Test
    void unparsableParametersAre400BeforeAnyHandlerWithOneShortLine() throws Exception {
        var response = new MockHttpServletResponse();
        boolean[] reached = {false};
        filter.doFilter(unparsable(), response, (req, res) -> reached[0] = true);
        assertThat(reached[0]).isFalse();
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(appender.list).hasSize(1);
        assertThat(appender.list.get(0).getThrowableProxy()).isNull();
        assertThat(appender.list.get(0).getFormattedMessage()).doesNotContain("example.org");
    }

    @Test
    void aBrokenMultipartBodyIs400AndNoStackTrace() throws Exception {
        var response = new MockHttpServletResponse();
        filter.doFilter(new MockHttpServletRequest("GET", "/"), response, (req, res) -> {
            throw new ServletException("Request processing failed", new MultipartException("no boundary"));
        });
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(appender.list).noneMatch(e -> e.getThrowableProxy() != null);
    }

    @Test
    void ourOwnFailureIsOneErrorEntryWithoutTokensOrAddresses() throws Exception {
        var response = new MockHttpServletResponse();
        filter.doFilter(
                new MockHttpServletRequest("POST", "/confirm/8cKf0Z3Qm1V9yqA7rW2xTnE5uB4sL6dP"),
                response,
                (req, res) -> {
                    throw new ServletException(
                            "Request processing failed",
                            new IllegalStateException(
                                    "no row for /confirm/8cKf0Z3Qm1V9yqA7rW2xTnE5uB4sL6dP of jo@example.org\n"
                                            + "ERROR a forged entry"));
                });
        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(appender.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.ERROR);
            assertThat(event.getThrowableProxy()).isNotNull();
            StringBuilder all = new StringBuilder(event.getFormattedMessage());
            for (var t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                all.append(t.getMessage());
            }
            assertThat(all.toString())
                    .contains("IllegalStateException")
                    .doesNotContain("8cKf0Z3Qm1V9yqA7rW2xTnE5uB4sL6dP")
                    .doesNotContain("jo@example.org")
                    .doesNotContain("\n");
        });
    }

    @Test
    void theErrorPageOfAnUnparsableRequestSeesNoParametersInsteadOfFailingAgain() throws Exception {
        var request = unparsable();
        request.setDispatcherType(jakarta.servlet.DispatcherType.ERROR);
        String[] seen = {"unset"};
        filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> seen[0] = req.getParameter("lang"));
        assertThat(seen[0]).isNull();
    }
}

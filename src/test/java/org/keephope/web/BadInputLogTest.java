package org.keephope.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keephope.support.MovableClock;
import org.slf4j.LoggerFactory;
import org.springframework.mock.web.MockHttpServletRequest;

class BadInputLogTest {

    final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    final Logger logger = (Logger) LoggerFactory.getLogger(BadInputLog.class);

    @BeforeEach
    void capture() {
        appender.start();
        logger.addAppender(appender);
    }

    @AfterEach
    void release() {
        logger.detachAppender(appender);
    }

    @Test
    void aFloodOfBadRequestsWritesAFewShortLinesAndACount() {
        Instant start = Instant.parse("2026-12-01T10:00:00Z");
        var log = new BadInputLog(Clock.fixed(start, ZoneOffset.UTC));
        var request = new MockHttpServletRequest("POST", "/confirm/8cKf0Z3Qm1V9yqA7rW2xTnE5uB4sL6dP");
        for (int i = 0; i < 1000; i++) {
            log.refused(400, "unreadable parameters", request);
        }
        assertThat(appender.list).hasSize(BadInputLog.LINES_PER_MINUTE);
        assertThat(appender.list).allSatisfy(event -> {
            assertThat(event.getThrowableProxy()).isNull();
            assertThat(event.getFormattedMessage())
                    .hasSizeLessThan(120)
                    .doesNotContain("8cKf0Z3Qm1V9yqA7rW2xTnE5uB4sL6dP")
                    .contains("POST /confirm/…");
        });
    }

    @Test
    void theNextMinuteSaysHowManyWereLeftOut() {
        var clock = new MovableClock(Instant.parse("2026-12-01T10:00:00Z"));
        var log = new BadInputLog(clock);
        var request = new MockHttpServletRequest("GET", "/");
        for (int i = 0; i < 25; i++) {
            log.refused(400, "bad", request);
        }
        clock.now = clock.now.plusSeconds(60);
        log.refused(400, "bad", request);
        assertThat(appender.list).hasSize(BadInputLog.LINES_PER_MINUTE + 2);
        assertThat(appender.list.get(BadInputLog.LINES_PER_MINUTE).getFormattedMessage())
                .startsWith("15 more bad requests");
    }

    @Test
    void aRouteIsItsPatternOrItsFirstPlainSegment() {
        var request = new MockHttpServletRequest("GET", "/erase/abc");
        assertThat(BadInputLog.route(request)).isEqualTo("/erase/…");
        request.setAttribute(
                org.springframework.web.servlet.HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, "/erase/{token}");
        assertThat(BadInputLog.route(request)).isEqualTo("/erase/{token}");
        assertThat(BadInputLog.route(new MockHttpServletRequest("GET", "/8cKf0Z3Qm1V9yqA7rW2xTnE5uB4sL6dP")))
                .isEqualTo("/…");
        assertThat(BadInputLog.route(new MockHttpServletRequest("GET", "/news")))
                .isEqualTo("/news");
    }
}

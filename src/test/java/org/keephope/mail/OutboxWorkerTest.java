package org.keephope.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keephope.support.MovableClock;
import org.keephope.support.NoTransactions;
import org.keephope.support.Settings;
import org.keephope.web.SiteProperties;
import org.springframework.boot.health.contributor.Status;

/**
 * The worker must outlive anything a round throws. No database can be made to throw an {@link Error} on
 * cue, so the repository here is a Mockito stand-in.
 */
class OutboxWorkerTest {

    @Test
    void theWorkerSurvivesErrorsAndHealthReportsRepeatedFailureAndSilence() {
        OutboxRepository repository = mock(OutboxRepository.class);
        when(repository.lockDue(any(), anyInt(), anyInt()))
                .thenThrow(new NoClassDefFoundError("injected"))
                .thenThrow(new NoClassDefFoundError("injected"))
                .thenThrow(new NoClassDefFoundError("injected"))
                .thenReturn(List.of());
        MovableClock clock = new MovableClock(Instant.parse("2026-12-01T10:00:00Z"));
        OutboxWorker worker = new OutboxWorker(
                repository,
                mock(MailTransport.class),
                null,
                Settings.of("keephope.mail", MailProperties.class, Map.of()),
                NoTransactions.template(),
                clock,
                new SiteProperties("http://localhost:8080"),
                new MailCounters(new io.micrometer.core.instrument.simple.SimpleMeterRegistry()),
                event -> {});

        worker.work();
        worker.work();
        assertThat(worker.health().getStatus()).as("two failures may be a blip").isEqualTo(Status.UP);
        worker.work();
        assertThat(worker.health().getStatus()).isEqualTo(Status.DOWN);

        worker.work();
        assertThat(worker.health().getStatus()).isEqualTo(Status.UP);

        clock.now = clock.now.plusSeconds(180);
        assertThat(worker.health().getStatus()).as("no round for three minutes").isEqualTo(Status.DOWN);
        worker.work();
        assertThat(worker.health().getStatus()).isEqualTo(Status.UP);
    }
}

package org.keephope.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keephope.mail.Outbox;
import org.keephope.support.NoTransactions;
import org.keephope.support.Settings;
import org.springframework.boot.health.contributor.Status;

/**
 * A writer thread must outlive anything a batch throws. No database can be made to throw an {@link Error}
 * on cue, so the repository here is a Mockito stand-in that fails three times, then works.
 */
class SignatureWriterTest {

    @Test
    void aWriterSurvivesAnErrorInABatchAndHealthSaysSo() throws Exception {
        SignatureRepository repository = mock(SignatureRepository.class);
        when(repository.insertNew(any()))
                .thenThrow(new StackOverflowError("injected"))
                .thenThrow(new StackOverflowError("injected"))
                .thenThrow(new StackOverflowError("injected"))
                .thenReturn(new boolean[] {true});
        NewSignature signature = mock(NewSignature.class);
        SignatureWriter writer = new SignatureWriter(
                repository,
                mock(PendingChange.class),
                mock(Outbox.class),
                NoTransactions.template(),
                Settings.of("keephope.signing", SigningProperties.class, Map.of()),
                Clock.systemUTC());
        assertThat(writer.submit(signature))
                .as("no writer takes a signature before the application has started it")
                .failsWithin(Duration.ofSeconds(1));
        writer.start();
        assertThat(writer.isRunning()).isTrue();
        try {
            assertThat(writer.health().getStatus()).isEqualTo(Status.UP);
            for (int i = 0; i < 3; i++) {
                assertThat(writer.submit(signature))
                        .failsWithin(Duration.ofSeconds(5))
                        .withThrowableThat()
                        .withCauseInstanceOf(StackOverflowError.class);
            }
            assertThat(writer.health().getStatus()).isEqualTo(Status.DOWN);
            assertThat(writer.health().getDetails()).containsEntry("lastError", "java.lang.StackOverflowError");

            // the same threads take the next batch
            assertThat(writer.submit(signature)).succeedsWithin(Duration.ofSeconds(5));
            assertThat(writer.health().getStatus()).isEqualTo(Status.UP);
        } finally {
            writer.stop();
        }
        assertThat(writer.isRunning()).isFalse();
        assertThat(writer.health().getStatus())
                .as("the writer threads have ended")
                .isEqualTo(Status.DOWN);
    }

    @Test
    void aBatchWhoseConnectionFailsIsWrittenAgainAndTheSupporterSeesNoError() throws Exception {
        SignatureRepository repository = mock(SignatureRepository.class);
        // what a restarting PostgreSQL does to a batch: the statement dies, then no connection, then it is back
        when(repository.insertNew(any()))
                .thenThrow(new org.springframework.jdbc.UncategorizedSQLException(
                        "insert", "insert", new java.sql.SQLException("terminating connection", "57P01")))
                .thenThrow(new org.springframework.jdbc.CannotGetJdbcConnectionException("connection refused"))
                .thenReturn(new boolean[] {true});
        SignatureWriter writer = new SignatureWriter(
                repository,
                mock(PendingChange.class),
                mock(Outbox.class),
                NoTransactions.template(),
                Settings.of("keephope.signing", SigningProperties.class, Map.of()),
                Clock.systemUTC());
        writer.start();
        try {
            assertThat(writer.submit(mock(NewSignature.class))).succeedsWithin(Duration.ofSeconds(10));
            org.mockito.Mockito.verify(repository, org.mockito.Mockito.times(3)).insertNew(any());
            assertThat(writer.health().getStatus()).isEqualTo(Status.UP);
        } finally {
            writer.stop();
        }
    }
}

package org.keephope.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.ui.ExtendedModelMap;

class PrivacyNoticeTest {

    @Test
    void theNoticeStatesThePeriodsTheJobsApply() {
        var properties = new SigningProperties(
                Duration.ofDays(7),
                Duration.ofDays(21),
                Duration.ofDays(45),
                Duration.ofMinutes(10),
                Duration.ofSeconds(3),
                Duration.ofDays(1),
                30,
                5,
                List.of(),
                256,
                Duration.ofSeconds(1),
                Duration.ofSeconds(60),
                Duration.ofMinutes(10),
                "2026-11");
        var model = new ExtendedModelMap();
        new SignersController(null, null, null, properties).privacy(model);
        assertThat(model).containsEntry("unconfirmedDays", 21L).containsEntry("retentionDays", 45L);
    }
}

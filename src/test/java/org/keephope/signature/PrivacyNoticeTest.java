package org.keephope.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.ui.ExtendedModelMap;

class PrivacyNoticeTest {

    @Test
    void theNoticeStatesThePeriodsTheJobsApply() {
        SigningProperties properties = new Binder(new MapConfigurationPropertySource(Map.of(
                        "keephope.signing.unconfirmed-retention", "21d",
                        "keephope.signing.retention-after-close", "45d")))
                .bindOrCreate("keephope.signing", SigningProperties.class);
        var model = new ExtendedModelMap();
        new SignersController(null, null, null, properties).privacy(model);
        assertThat(model).containsEntry("unconfirmedDays", 21L).containsEntry("retentionDays", 45L);
    }
}

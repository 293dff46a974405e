package org.keephope.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CampaignFormTest {

    final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

    Map<String, String> errors(String image) {
        var form = CampaignForm.from(Map.of(
                "slug", "a-campaign", "title", "T", "summary", "S", "body", "B", "image", image, "version", "0"));
        var errors = new java.util.HashMap<String, String>();
        validator.validate(form).forEach(v -> errors.put(v.getPropertyPath().toString(), v.getMessage()));
        return errors;
    }

    @Test
    void anImageOnThisSiteIsAccepted() {
        assertThat(errors("/media/3f2c.png")).isEmpty();
        assertThat(errors("")).isEmpty();
    }

    @Test
    void anImageThatABrowserWouldFetchFromAnotherHostIsRefused() {
        assertThat(errors("/\\tracker.example/p.gif")).containsEntry("image", "form.localPath");
        assertThat(errors("//tracker.example/p.gif")).containsEntry("image", "form.localPath");
        assertThat(errors("/\t/tracker.example/p.gif")).containsEntry("image", "form.localPath");
    }
}

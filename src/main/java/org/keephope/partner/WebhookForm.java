package org.keephope.partner;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A new webhook endpoint: where, and which events. */
public record WebhookForm(
        @NotBlank(message = "webhook.url.invalid") @Size(max = 2000, message = "webhook.url.invalid")
        String url,

        List<String> events) {

    static WebhookForm empty() {
        return new WebhookForm("", Webhooks.EVENTS);
    }

    public boolean has(String event) {
        return events != null && events.contains(event);
    }
}

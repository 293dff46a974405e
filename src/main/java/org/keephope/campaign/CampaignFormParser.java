package org.keephope.campaign;

import jakarta.validation.Validator;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Checks a {@link CampaignForm} and turns it into values; errors are message keys per field. */
@Component
class CampaignFormParser {

    record Parsed(NewCampaign campaign, int version, Map<String, String> errors) {}

    private final Validator validator;

    CampaignFormParser(Validator validator) {
        this.validator = validator;
    }

    Parsed parse(CampaignForm form, CampaignStatus status, String originalLocale) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (var violation : validator.validate(form)) {
            errors.putIfAbsent(violation.getPropertyPath().toString(), violation.getMessage());
        }
        LocalDate starts = date(form.eventStarts(), "eventStarts", errors);
        LocalDate ends = date(form.eventEnds(), "eventEnds", errors);
        if (starts != null && ends != null && ends.isBefore(starts)) {
            errors.putIfAbsent("eventEnds", "form.endBeforeStart");
        }
        LocalDate deadline = date(form.deadline(), "deadline", errors);
        Integer goal = null;
        if (!form.signatureGoal().isEmpty()) {
            try {
                goal = Integer.parseInt(form.signatureGoal());
                if (goal <= 0) {
                    errors.putIfAbsent("signatureGoal", "form.positive");
                }
            } catch (NumberFormatException e) {
                errors.putIfAbsent("signatureGoal", "form.positive");
            }
        }
        int version = 0;
        try {
            version = Integer.parseInt(form.version());
        } catch (NumberFormatException e) {
            errors.putIfAbsent("version", "form.stale");
        }
        NewCampaign campaign = new NewCampaign(
                form.slug(),
                status,
                originalLocale,
                form.title(),
                form.summary(),
                form.body(),
                emptyToNull(form.image()),
                emptyToNull(form.imageAlt()),
                new Event(emptyToNull(form.eventName()), emptyToNull(form.eventPlace()), starts, ends),
                // the deadline is the end of that day, in UTC
                deadline == null
                        ? null
                        : deadline.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                goal,
                new PressContact(
                        emptyToNull(form.pressName()), emptyToNull(form.pressEmail()), emptyToNull(form.pressPhone())));
        return new Parsed(campaign, version, errors);
    }

    private static LocalDate date(String value, String field, Map<String, String> errors) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.putIfAbsent(field, "form.date");
            return null;
        }
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}

package org.keephope.coalition;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.keephope.web.FormPatterns;

/** What staff send to create or edit an organisation; {@code version} is the one the edit started from. */
public record OrganisationForm(
        @NotBlank(message = "form.error.required")
        @Size(max = 80, message = "form.error.tooLong")
        @Pattern(regexp = FormPatterns.SLUG, message = "form.error.slug")
        String slug,

        @NotBlank(message = "form.error.required") @Size(max = 200, message = "form.error.tooLong")
        String name,

        @Size(max = 500, message = "form.error.tooLong")
        @Pattern(regexp = FormPatterns.OPTIONAL_WEB_ADDRESS, message = "form.error.website")
        String website,

        @Size(max = 1000, message = "form.error.tooLong") String description,
        Integer version) {

    static OrganisationForm empty() {
        return new OrganisationForm("", "", "", "", null);
    }

    static OrganisationForm of(EditableOrganisation o) {
        return new OrganisationForm(o.slug(), o.name(), nonNull(o.website()), nonNull(o.description()), o.version());
    }

    NewOrganisation toNew(String logo) {
        return new NewOrganisation(slug.strip(), name.strip(), blankToNull(website), logo, blankToNull(description));
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

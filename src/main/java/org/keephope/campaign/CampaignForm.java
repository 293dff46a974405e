package org.keephope.campaign;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.keephope.web.FormPatterns;
import org.keephope.web.LocalPath;

/**
 * A campaign as staff edit it: every field as typed, so a form with a mistake comes back exactly as it was
 * sent. Dates are {@code yyyy-MM-dd}; {@link CampaignFormParser} turns the strings into values.
 */
public record CampaignForm(
        @NotBlank(message = "form.required")
        @Pattern(regexp = FormPatterns.SLUG, message = "form.slug")
        @Size(max = 80, message = "form.tooLong")
        String slug,

        @NotBlank(message = "form.required") @Size(max = 200, message = "form.tooLong")
        String title,

        @NotBlank(message = "form.required") @Size(max = 1000, message = "form.tooLong")
        String summary,

        @NotBlank(message = "form.required") @Size(max = 100000, message = "form.tooLong")
        String body,

        @Size(max = 500, message = "form.tooLong") @Pattern(regexp = LocalPath.OPTIONAL, message = "form.localPath")
        String image,

        @Size(max = 300, message = "form.tooLong") String imageAlt,
        @Size(max = 200, message = "form.tooLong") String eventName,
        @Size(max = 200, message = "form.tooLong") String eventPlace,
        String eventStarts,
        String eventEnds,
        String deadline,
        String signatureGoal,
        @Size(max = 200, message = "form.tooLong") String pressName,

        @Email(message = "form.email") @Size(max = 320, message = "form.tooLong")
        String pressEmail,

        @Size(max = 50, message = "form.tooLong") String pressPhone,
        String version) {

    public static CampaignForm from(Map<String, String> params) {
        return new CampaignForm(
                trim(params.get("slug")),
                trim(params.get("title")),
                trim(params.get("summary")),
                params.getOrDefault("body", ""),
                trim(params.get("image")),
                trim(params.get("imageAlt")),
                trim(params.get("eventName")),
                trim(params.get("eventPlace")),
                trim(params.get("eventStarts")),
                trim(params.get("eventEnds")),
                trim(params.get("deadline")),
                trim(params.get("signatureGoal")),
                trim(params.get("pressName")),
                trim(params.get("pressEmail")),
                trim(params.get("pressPhone")),
                trim(params.get("version")));
    }

    public static CampaignForm empty() {
        return new CampaignForm("", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "0");
    }

    static CampaignForm of(CampaignRow c, int version) {
        return new CampaignForm(
                c.slug(),
                c.title(),
                c.summary(),
                c.body(),
                blank(c.image()),
                blank(c.imageAlt()),
                blank(c.event().name()),
                blank(c.event().place()),
                c.event().starts() == null ? "" : c.event().starts().toString(),
                c.event().ends() == null ? "" : c.event().ends().toString(),
                c.deadline() == null
                        ? ""
                        : c.deadline()
                                .atZone(java.time.ZoneOffset.UTC)
                                .toLocalDate()
                                .toString(),
                c.signatureGoal() == null ? "" : c.signatureGoal().toString(),
                blank(c.press().name()),
                blank(c.press().email()),
                blank(c.press().phone()),
                Integer.toString(version));
    }

    private static String trim(String value) {
        return value == null ? "" : value.strip();
    }

    private static String blank(String value) {
        return value == null ? "" : value;
    }
}

package org.keephope.news;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.keephope.web.FormPatterns;

/**
 * What staff send to create or edit a post. {@code publishedAt} is a UTC date and time as a
 * {@code datetime-local} input sends it: empty for a draft, in the future for a scheduled post.
 */
public record PostForm(
        @NotBlank(message = "form.error.required")
        @Size(max = 120, message = "form.error.tooLong")
        @Pattern(regexp = FormPatterns.SLUG, message = "form.error.slug")
        String slug,

        @NotBlank(message = "form.error.required") @Pattern(regexp = "en|ru", message = "form.error.invalid")
        String originalLocale,

        @NotBlank(message = "form.error.required") @Size(max = 300, message = "form.error.tooLong")
        String title,

        @NotBlank(message = "form.error.required") @Size(max = 2000, message = "form.error.tooLong")
        String excerpt,

        @NotBlank(message = "form.error.required") @Size(max = 100000, message = "form.error.tooLong")
        String body,

        String publishedAt,
        Long campaignId,
        @Size(max = 200, message = "form.error.tooLong") String pressName,

        @Size(max = 320, message = "form.error.tooLong") @Email(message = "form.error.email")
        String pressEmail,

        @Size(max = 50, message = "form.error.tooLong") String pressPhone,
        List<String> categories,
        List<String> regions,
        Integer version) {

    static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    static PostForm empty() {
        return new PostForm("", "en", "", "", "", "", null, "", "", "", List.of(), List.of(), null);
    }

    static PostForm of(EditablePost post) {
        NewPost p = post.content();
        PressContact press = p.press();
        return new PostForm(
                p.slug(),
                p.originalLocale(),
                p.title(),
                p.excerpt(),
                p.body(),
                p.publishedAt() == null
                        ? ""
                        : LOCAL.format(p.publishedAt().atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES)),
                p.campaignId(),
                nonNull(press.name()),
                nonNull(press.email()),
                nonNull(press.phone()),
                p.categorySlugs(),
                p.regionSlugs(),
                post.version());
    }

    PostForm withVersion(int newVersion) {
        return new PostForm(
                slug,
                originalLocale,
                title,
                excerpt,
                body,
                publishedAt,
                campaignId,
                pressName,
                pressEmail,
                pressPhone,
                categories,
                regions,
                newVersion);
    }

    /** Empty for a draft; a value that is not a date and time is empty too, and {@link #publishedAtValid} false. */
    Optional<Instant> publication() {
        if (publishedAt == null || publishedAt.isBlank()) {
            return Optional.empty();
        }
        try {
            String text = publishedAt.strip();
            // browsers send seconds when the step allows them
            var time = text.length() > 16 ? LocalDateTime.parse(text) : LocalDateTime.parse(text, LOCAL);
            return Optional.of(time.toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    boolean publishedAtValid() {
        return publishedAt == null || publishedAt.isBlank() || publication().isPresent();
    }

    public boolean hasCategory(String termSlug) {
        return categories != null && categories.contains(termSlug);
    }

    public boolean hasRegion(String termSlug) {
        return regions != null && regions.contains(termSlug);
    }

    NewPost toNewPost() {
        return new NewPost(
                slug.strip(),
                originalLocale,
                title.strip(),
                excerpt.strip(),
                body,
                publication().orElse(null),
                campaignId,
                new PressContact(blankToNull(pressName), blankToNull(pressEmail), blankToNull(pressPhone)),
                categories == null ? List.of() : categories,
                regions == null ? List.of() : regions);
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

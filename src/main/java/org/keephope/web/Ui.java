package org.keephope.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.springframework.context.MessageSource;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What every template needs besides its own data: the reader's locale, UI text, dates in the reader's
 * language and links to the same page in the other languages. Built once per request.
 */
public final class Ui {

    private final MessageSource messages;
    private final Locale locale;
    private final String requestUri;
    private final String query;
    private final SiteProperties site;
    private final UnaryOperator<String> assets;

    Ui(MessageSource messages, Locale locale, String requestUri, String query, SiteProperties site) {
        this(messages, locale, requestUri, query, site, UnaryOperator.identity());
    }

    Ui(
            MessageSource messages,
            Locale locale,
            String requestUri,
            String query,
            SiteProperties site,
            UnaryOperator<String> assets) {
        this.assets = assets;
        this.messages = messages;
        this.locale = locale;
        this.requestUri = requestUri;
        this.query = query;
        this.site = site;
    }

    public Locale locale() {
        return locale;
    }

    /** The {@code lang} attribute of the page. */
    public String lang() {
        return locale.getLanguage();
    }

    /** UI text for a message key, in the reader's language. */
    public String t(String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    public String date(LocalDate date) {
        return date == null
                ? ""
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                        .withLocale(locale)
                        .format(date);
    }

    public String date(Instant instant) {
        return instant == null ? "" : date(instant.atZone(ZoneOffset.UTC).toLocalDate());
    }

    /** An event's dates: one day, or "5 – 6 September 2013" style ranges. */
    public String dateRange(LocalDate start, LocalDate end) {
        if (start == null) {
            return "";
        }
        if (end == null || end.equals(start)) {
            return date(start);
        }
        return date(start) + " – " + date(end);
    }

    public String number(long value) {
        return java.text.NumberFormat.getIntegerInstance(locale).format(value);
    }

    /** Languages other than the current one, for the language switch. */
    public List<Locale> otherLocales() {
        return SupportedLocales.ALL.stream()
                .filter(l -> !l.getLanguage().equals(locale.getLanguage()))
                .toList();
    }

    /** The name of a language in that language, as a language switch shows it. */
    public String languageName(Locale target) {
        String name = target.getDisplayLanguage(target);
        return name.substring(0, 1).toUpperCase(target) + name.substring(1);
    }

    /** This page in another language: the same path and query with {@code lang} replaced. */
    public String switchTo(Locale target) {
        return UriComponentsBuilder.fromPath(requestUri)
                .query(query)
                .replaceQueryParam("page")
                .replaceQueryParam(LanguageSelection.PARAMETER, target.getLanguage())
                .build()
                .toUriString();
    }

    public String absolute(String path) {
        return site.absolute(path);
    }

    /**
     * The address of a static file ({@code /css/site.css}) by its content-hashed name, which may be cached for a
     * year: every stylesheet, script and image of our own templates is linked through this.
     */
    public String asset(String path) {
        return assets.apply(path);
    }

    public String path() {
        return requestUri;
    }
}

package org.keephope.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collections;
import java.util.Locale;
import java.util.Optional;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The reader's language: {@code ?lang=} first, then the {@code lang} cookie, then {@code Accept-Language},
 * then English. The cookie is written only when the reader picks a language with {@code ?lang=}, so an
 * anonymous reader who never chooses gets no cookie at all, and only by a GET: a form posted to an address
 * with {@code ?lang=} (the sign form, embedded on another site) sets nothing. Unknown or malformed values
 * are ignored. When the base URL is https (also behind a proxy that ends TLS) the cookie is {@code Secure}
 * and named {@code __Host-lang}, so that no other host and no plain-HTTP answer can set it.
 */
class LanguageSelection implements LocaleResolver, HandlerInterceptor {

    static final String COOKIE = "lang";
    static final String SECURE_COOKIE = "__Host-lang";
    static final String PARAMETER = "lang";

    private final boolean https;

    LanguageSelection(SiteProperties site) {
        this.https = site.isHttps();
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        return fromParameter(request)
                .or(() -> fromCookie(request))
                .or(() -> fromAcceptLanguage(request))
                .orElse(SupportedLocales.ENGLISH);
    }

    /** For a request whose parameters may not parse: the cookie, then {@code Accept-Language}, then English. */
    static Locale withoutParameters(HttpServletRequest request) {
        try {
            return fromCookie(request).or(() -> fromAcceptLanguage(request)).orElse(SupportedLocales.ENGLISH);
        } catch (RuntimeException e) {
            return SupportedLocales.ENGLISH;
        }
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        Locale chosen = SupportedLocales.match(locale).orElse(SupportedLocales.ENGLISH);
        Cookie cookie = new Cookie(https ? SECURE_COOKIE : COOKIE, chosen.getLanguage());
        cookie.setPath("/");
        cookie.setMaxAge(60 * 60 * 24 * 365);
        cookie.setHttpOnly(true);
        cookie.setSecure(https || request.isSecure());
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        // the embedded form (/embed/…) sets no cookie at all: its language comes from ?lang= each time
        if (!"GET".equals(request.getMethod()) || request.getRequestURI().startsWith("/embed/")) {
            return true;
        }
        fromParameter(request).ifPresent(locale -> {
            if (!fromCookie(request).equals(Optional.of(locale))) {
                setLocale(request, response, locale);
            }
        });
        return true;
    }

    private static Optional<Locale> fromParameter(HttpServletRequest request) {
        return SupportedLocales.match(request.getParameter(PARAMETER));
    }

    private static Optional<Locale> fromCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName()) || SECURE_COOKIE.equals(cookie.getName())) {
                return SupportedLocales.match(cookie.getValue());
            }
        }
        return Optional.empty();
    }

    private static Optional<Locale> fromAcceptLanguage(HttpServletRequest request) {
        if (request.getHeader("Accept-Language") == null) {
            return Optional.empty();
        }
        for (Locale locale : Collections.list(request.getLocales())) {
            Optional<Locale> match = SupportedLocales.match(locale);
            if (match.isPresent()) {
                return match;
            }
        }
        return Optional.empty();
    }
}

package org.keephope.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.RequestContextUtils;

/** Builds the {@link Ui} of a request; also for code outside controllers (error pages, mails). */
@Component
public class UiFactory {

    private final MessageSource messages;
    private final SiteProperties site;
    private final AssetNames assets;

    UiFactory(MessageSource messages, SiteProperties site, AssetNames assets) {
        this.messages = messages;
        this.site = site;
        this.assets = assets;
    }

    public Ui create(HttpServletRequest request, Locale locale) {
        Object forwarded = request.getAttribute("jakarta.servlet.forward.request_uri");
        String uri = forwarded instanceof String s ? s : request.getRequestURI();
        Object forwardedQuery = request.getAttribute("jakarta.servlet.forward.query_string");
        String query = forwarded != null ? (String) forwardedQuery : request.getQueryString();
        return new Ui(messages, locale, uri, query, site, assets::of);
    }

    public Ui create(HttpServletRequest request) {
        return create(request, RequestContextUtils.getLocale(request));
    }

    /** A Ui for text outside a request, such as a mail in the signer's language. */
    public Ui forLocale(Locale locale) {
        return new Ui(messages, locale, "/", null, site, assets::of);
    }
}

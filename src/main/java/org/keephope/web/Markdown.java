package org.keephope.web;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;
import org.springframework.stereotype.Component;

/**
 * Staff write Markdown; readers get sanitised HTML. Nothing pasted into a campaign or a post can run
 * script, and nothing can make the reader's browser fetch from another host: images must be on this
 * site ({@link LocalPath}), links to other sites open without a referrer.
 */
@Component
public class Markdown {

    private static final PolicyFactory POLICY = Sanitizers.FORMATTING
            .and(Sanitizers.BLOCKS)
            .and(Sanitizers.TABLES)
            .and(new HtmlPolicyBuilder()
                    .allowElements("a")
                    .allowAttributes("href")
                    .onElements("a")
                    .allowStandardUrlProtocols()
                    .requireRelsOnLinks("noopener", "noreferrer", "nofollow")
                    .allowElements("img")
                    .allowAttributes("alt", "title")
                    .onElements("img")
                    .allowAttributes("src")
                    .matching(LocalPath.pattern())
                    .onElements("img")
                    .allowElements("hr", "br", "pre", "code")
                    .toFactory());

    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer =
            HtmlRenderer.builder().escapeHtml(false).build();

    /** Markdown to HTML that is safe to put into a page as it is. */
    public String toSafeHtml(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        return POLICY.sanitize(renderer.render(parser.parse(markdown)));
    }
}

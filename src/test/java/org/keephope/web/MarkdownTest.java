package org.keephope.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MarkdownTest {

    final Markdown markdown = new Markdown();

    @Test
    void rendersOrdinaryMarkdown() {
        assertThat(markdown.toSafeHtml("Hello *world*\n\n- one\n- two"))
                .contains("<em>world</em>")
                .contains("<li>one</li>");
    }

    @Test
    void scriptAndEventHandlersNeverSurvive() {
        String html = markdown.toSafeHtml(
                "<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[x](javascript:alert(1))\n\n<iframe src=/x></iframe>");
        assertThat(html)
                .doesNotContain("<script")
                .doesNotContain("onerror")
                .doesNotContain("javascript:")
                .doesNotContain("<iframe");
    }

    @Test
    void imagesFromOtherHostsAreDroppedLocalOnesKept() {
        assertThat(markdown.toSafeHtml("![a](https://tracker.example/p.gif)")).doesNotContain("tracker.example");
        assertThat(markdown.toSafeHtml("![a](//tracker.example/p.gif)")).doesNotContain("tracker.example");
        assertThat(markdown.toSafeHtml("![a](/img/keep-hope-alive.svg)")).contains("src=\"/img/keep-hope-alive.svg\"");
    }

    @Test
    void aBackslashAfterTheFirstSlashCannotPointAnImageAtAnotherHost() {
        // browsers read /\host as //host, and drop tabs and newlines from a URL
        assertThat(markdown.toSafeHtml("![a](/\\tracker.example/p.gif)")).doesNotContain("tracker.example");
        assertThat(markdown.toSafeHtml("<img src=\"/\\tracker.example/p.gif\">"))
                .doesNotContain("tracker.example");
        assertThat(markdown.toSafeHtml("<img src=\"/&#92;tracker.example/p.gif\">"))
                .doesNotContain("tracker.example");
        // a tab survives only percent-encoded, which no browser drops: a path on this site
        for (String html :
                List.of("<img src=\"/&#9;/tracker.example/p.gif\">", "<img src=\"/&#10;/tracker.example/p.gif\">")) {
            Matcher src = Pattern.compile("src=\"([^\"]*)\"").matcher(markdown.toSafeHtml(html));
            while (src.find()) {
                assertThat(LocalPath.isLocal(src.group(1))).as(src.group(1)).isTrue();
            }
        }
    }

    @Test
    void linksToOtherSitesCarryNoReferrer() {
        assertThat(markdown.toSafeHtml("[CRD](https://crd.org/)"))
                .contains("href=\"https://crd.org/\"")
                .contains("noreferrer");
    }
}

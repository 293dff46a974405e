package org.keephope.web;

import static org.assertj.core.api.Assertions.assertThat;

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
    void linksToOtherSitesCarryNoReferrer() {
        assertThat(markdown.toSafeHtml("[CRD](https://crd.org/)"))
                .contains("href=\"https://crd.org/\"")
                .contains("noreferrer");
    }
}

package org.keephope.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.keephope.support.AbstractIntegrationTest;
import org.keephope.support.Signer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The embeddable form (issue 11 item 3) over real HTTP, as a browser without JavaScript uses it: the form
 * from the page's HTML, posted back; frame-ancestors lists exactly the demo partners' origins there and
 * nowhere else; no answer sets a cookie.
 */
class EmbedIT extends AbstractIntegrationTest {

    static final String EMBED = "/embed/campaigns/keep-hope-alive";
    static final String DEMO_ORIGINS = "https://crd.org https://lgbtnet.org https://www.frontlinedefenders.org"
            + " https://www.unitedagainstracism.org https://www.ilga-europe.org https://freedomhouse.org";

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @org.junit.jupiter.api.BeforeEach
    void partnersAsTheDemoSetsThemUp() {
        DemoPartners.asTheDemoSetsThemUp(context);
    }

    static String frameAncestors(HttpResponse<String> answer) {
        String csp = answer.headers().firstValue("Content-Security-Policy").orElseThrow();
        Matcher m = Pattern.compile("frame-ancestors ([^;]+)").matcher(csp);
        assertThat(m.find()).as(csp).isTrue();
        return m.group(1).strip();
    }

    static void noCookie(HttpResponse<String> answer) {
        assertThat(answer.headers().allValues("Set-Cookie")).as("Set-Cookie").isEmpty();
    }

    @Test
    void theEmbedMayBeFramedOnlyByThePartnersOriginsAndEveryOtherPageByNobody() {
        var embed = get(EMBED + "?src=front-line-defenders&lang=ru");
        assertThat(embed.statusCode()).isEqualTo(200);
        List<String> origins = List.of(frameAncestors(embed).split(" "));
        assertThat(origins).containsExactlyInAnyOrder(DEMO_ORIGINS.split(" "));
        assertThat(embed.headers().firstValue("X-Frame-Options")).isEmpty();
        noCookie(embed);
        assertThat(embed.body())
                .contains("lang=\"ru\"")
                .contains("action=\"/embed/campaigns/keep-hope-alive/sign?lang=ru\"")
                .contains("name=\"src\" value=\"front-line-defenders\"")
                .contains("Front Line Defenders может писать мне о своей работе")
                .doesNotContain("class=\"site\""); // the form and count alone, no site header

        for (String page : List.of("/campaigns/keep-hope-alive", "/", "/news", "/embed/campaigns/no-such-campaign")) {
            var other = get(page);
            assertThat(frameAncestors(other)).as(page).isEqualTo("'none'");
            assertThat(other.headers().firstValue("X-Frame-Options")).as(page).contains("DENY");
        }
    }

    @Test
    void signingInTheFrameWorksWithoutJavaScriptAndWithoutACookie() throws Exception {
        var embed = get(EMBED + "?src=front-line-defenders");
        String html = embed.body();
        Matcher box = Pattern.compile(
                        "id=\"consent_(\\d+)\" name=\"consent_\\d+\" value=\"on\">\\s*<label for=\"consent_\\d+\">Front Line")
                .matcher(html);
        assertThat(box.find()).isTrue();
        Matcher shown =
                Pattern.compile("name=\"consentShown\" value=\"([0-9 ]*)\"").matcher(html);
        assertThat(shown.find()).isTrue();
        Signer eve = new Signer("Eve", "PT")
                .with("src", "front-line-defenders")
                .with("consentShown", shown.group(1))
                .with("consent_" + box.group(1), "on");

        // a mistake comes back inside the frame, framed as the form was
        var wrong = post(
                EMBED + "/sign?lang=en",
                new Signer("Eve", "PT").without("email").formFrom(html),
                "Origin",
                "http://localhost:" + port,
                "Sec-Fetch-Site",
                "same-origin");
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(wrong.body()).contains("action=\"/embed/campaigns/keep-hope-alive/sign?lang=en\"");
        assertThat(frameAncestors(wrong)).isNotEqualTo("'none'");
        noCookie(wrong);

        var answer = post(
                EMBED + "/sign?lang=en",
                eve.formFrom(html),
                "Origin",
                "http://localhost:" + port,
                "Sec-Fetch-Site",
                "same-origin");
        assertThat(answer.statusCode()).isEqualTo(303);
        noCookie(answer);
        String location = answer.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(EMBED + "/check-email");
        var check = get(location);
        assertThat(check.statusCode()).isEqualTo(200);
        assertThat(check.body()).contains("Check your email");
        assertThat(frameAncestors(check)).isNotEqualTo("'none'");
        noCookie(check);

        eve.awaitMail();
        assertThat(jdbc.sql("""
                        select count(*) from partner_consent c join signature_source s on s.signature_id = c.signature_id
                         where c.page = ? and c.ticked = true and c.consent_text_id = ?
                        """)
                        .params(EMBED, Long.parseLong(box.group(1)))
                        .query(Long.class)
                        .single())
                .as("consent recorded with the embed as its page, attributed to the partner")
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void theEmbedIsCacheableOnePerSourceAndLanguageWithItsFramingAndNoCookie() {
        var plain = get(EMBED + "?src=front-line-defenders&lang=en");
        assertThat(plain.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(c -> assertThat(c).startsWith("public, max-age="));
        assertThat(plain.headers().firstValue("Vary"))
                .hasValueSatisfying(
                        v -> assertThat(v).contains("Accept-Language").contains("Cookie"));
        String etag = plain.headers().firstValue("ETag").orElseThrow();

        // the same address again: a 304 despite the form stamp having moved on, still framed as before
        var again = get(EMBED + "?src=front-line-defenders&lang=en", "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(frameAncestors(again)).isEqualTo(frameAncestors(plain));
        noCookie(again);

        // what changes the page is in the address (src, lang) or in Vary (Accept-Language)
        var otherSource = get(EMBED + "?src=freedom-house&lang=en", "If-None-Match", etag);
        assertThat(otherSource.statusCode()).isEqualTo(200);
        assertThat(otherSource.body()).contains("name=\"src\" value=\"freedom-house\"");
        var otherLanguage = get(EMBED + "?src=front-line-defenders&lang=ru", "If-None-Match", etag);
        assertThat(otherLanguage.statusCode()).isEqualTo(200);
        var byBrowser = get(EMBED + "?src=front-line-defenders", "Accept-Language", "ru");
        assertThat(byBrowser.body()).contains("lang=\"ru\"");
        assertThat(byBrowser.headers().firstValue("ETag"))
                .isNotEqualTo(get(EMBED + "?src=front-line-defenders", "Accept-Language", "en")
                        .headers()
                        .firstValue("ETag"));
        noCookie(byBrowser);

        // the page after signing is about one supporter's form: never cached
        var check = get(EMBED + "/check-email?lang=en");
        assertThat(check.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(c -> assertThat(c).contains("no-store"));
    }

    @Test
    void theResizeScriptsAreServedFromThisSite() {
        var resize = get("/embed/resize.js");
        assertThat(resize.statusCode()).isEqualTo(200);
        assertThat(resize.body()).contains("keephopeEmbedHeight");
        assertThat(get("/embed/frame.js").body()).contains("postMessage");
    }
}

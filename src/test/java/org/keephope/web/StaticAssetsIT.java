package org.keephope.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.keephope.campaign.Campaigns;
import org.keephope.support.AbstractIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Stylesheets, scripts and icons by content-hashed names, cached for a year; the plain names still answer. */
class StaticAssetsIT extends AbstractIntegrationTest {

    /** Every stylesheet, script and icon a page links. */
    static final Pattern LINKED = Pattern.compile("<(?:link[^>]*href|script[^>]*src)=\"(/[^\"]+\\.(?:css|js|svg))\"");

    static final Pattern HASHED = Pattern.compile("^(/.+)-([0-9a-f]{32})(\\.(?:css|js|svg))$");

    @Autowired
    Campaigns campaigns;

    String liveCampaign() {
        return PublicPageCacheIT.liveCampaign(campaigns, "assets-").substring("/campaigns/".length());
    }

    static List<String> linked(String html) {
        List<String> found = new ArrayList<>();
        Matcher m = LINKED.matcher(html);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    static String header(java.net.http.HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    @Test
    void theCampaignPageLinksEveryAssetByItsHashAndTheOldNameStillAnswers() {
        String slug = liveCampaign();
        var page = get("/campaigns/" + slug);
        assertThat(page.statusCode()).isEqualTo(200);
        List<String> assets = linked(page.body());
        // the stylesheet, the icon and the live count's script
        assertThat(assets).hasSizeGreaterThanOrEqualTo(3);
        assertThat(assets).anyMatch(a -> a.startsWith("/css/site-"));
        assertThat(assets).anyMatch(a -> a.startsWith("/js/live-count-"));
        for (String asset : assets) {
            Matcher hashed = HASHED.matcher(asset);
            assertThat(hashed.matches()).as(asset).isTrue();
            var byHash = get(asset);
            assertThat(byHash.statusCode()).as(asset).isEqualTo(200);
            assertThat(header(byHash, "Cache-Control")).as(asset).isEqualTo(StaticAssets.IMMUTABLE);
            assertThat(header(byHash, "ETag")).as(asset).contains(hashed.group(2));
            assertThat(byHash.headers().allValues("Set-Cookie")).isEmpty();

            String plain = hashed.group(1) + hashed.group(3);
            var byName = get(plain);
            assertThat(byName.statusCode()).as(plain).isEqualTo(200);
            assertThat(byName.body()).isEqualTo(byHash.body());
            assertThat(header(byName, "Cache-Control")).as(plain).isEqualTo("max-age=600, public");
            assertThat(header(byName, "Content-Type")).isEqualTo(header(byHash, "Content-Type"));

            // another hash is not this file
            var wrong = get(hashed.group(1) + "-" + "0".repeat(32) + hashed.group(3));
            assertThat(wrong.statusCode()).as(asset).isEqualTo(404);
            assertThat(header(wrong, "Cache-Control")).contains("no-store");
        }
    }

    @Test
    void theEmbeddedFormAndThePasskeyPagesLinkHashedNamesToo() {
        String slug = liveCampaign();
        List<String> embed = linked(get("/embed/campaigns/" + slug).body());
        assertThat(embed).anyMatch(a -> a.startsWith("/css/site-")).anyMatch(a -> a.startsWith("/embed/frame-"));
        assertThat(embed).allMatch(a -> HASHED.matcher(a).matches());
        List<String> home = linked(get("/").body());
        assertThat(home).isNotEmpty().allMatch(a -> HASHED.matcher(a).matches());
        // what a partner site links keeps its plain name, with the short cache
        var resize = get("/embed/resize.js");
        assertThat(resize.statusCode()).isEqualTo(200);
        assertThat(header(resize, "Cache-Control")).isEqualTo("max-age=600, public");
        // an error page outside Spring MVC's own handlers is styled by the same hashed sheet
        List<String> missing = linked(get("/campaigns/no-such-" + slug).body());
        assertThat(missing).anyMatch(a -> HASHED.matcher(a).matches() && a.startsWith("/css/site-"));
    }
}

package org.keephope.site;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Plain share links: no third-party script, no request to another host until the reader clicks one,
 * and then without a referrer.
 */
public record ShareLinks(List<ShareLink> links) {

    public record ShareLink(String name, String href) {}

    static ShareLinks of(String url, String title) {
        String u = encode(url);
        String t = encode(title);
        return new ShareLinks(List.of(
                new ShareLink("Email", "mailto:?subject=" + t + "&body=" + u),
                new ShareLink("Mastodon", "https://mastodonshare.com/?text=" + t + "&url=" + u),
                new ShareLink("Bluesky", "https://bsky.app/intent/compose?text=" + encode(title + " " + url)),
                new ShareLink("Telegram", "https://t.me/share/url?url=" + u + "&text=" + t),
                new ShareLink("VK", "https://vk.com/share.php?url=" + u + "&title=" + t),
                new ShareLink("Facebook", "https://www.facebook.com/sharer/sharer.php?u=" + u),
                new ShareLink("X", "https://x.com/intent/post?url=" + u + "&text=" + t)));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

package org.keephope.partner;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Which webhook URLs a partner may register: https only, and a host whose every address is public (no
 * loopback, private, link-local, unique-local, multicast or unspecified address), so that the host cannot be
 * made to call into its own network. {@code allowPrivate} (KEEPHOPE_WEBHOOKS_ALLOW_PRIVATE=true, for tests
 * and closed networks) lifts both rules. Returns the message key of the problem, if any.
 *
 * <p>The worker checks the URL again before each delivery (an address can change after registration).
 */
final class WebhookUrlGuard {

    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean allowPrivate;
    private final Resolver resolver;

    WebhookUrlGuard(boolean allowPrivate, Resolver resolver) {
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    WebhookUrlGuard(boolean allowPrivate) {
        this(allowPrivate, InetAddress::getAllByName);
    }

    Optional<String> problem(String url) {
        URI uri;
        try {
            uri = new URI(url == null ? "" : url.strip());
        } catch (java.net.URISyntaxException e) {
            return Optional.of("webhook.url.invalid");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (uri.getHost() == null || uri.getUserInfo() != null || !(scheme.equals("https") || scheme.equals("http"))) {
            return Optional.of("webhook.url.invalid");
        }
        if (allowPrivate) {
            return Optional.empty();
        }
        if (!scheme.equals("https")) {
            return Optional.of("webhook.url.https");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(uri.getHost());
        } catch (UnknownHostException e) {
            return Optional.of("webhook.url.unknown-host");
        }
        if (addresses.length == 0) {
            return Optional.of("webhook.url.unknown-host");
        }
        for (InetAddress a : addresses) {
            if (!isPublic(a)) {
                return Optional.of("webhook.url.private");
            }
        }
        return Optional.empty();
    }

    static boolean isPublic(InetAddress a) {
        if (a.isLoopbackAddress()
                || a.isAnyLocalAddress()
                || a.isLinkLocalAddress()
                || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (b.length == 4) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            // 0/8, 100.64/10 (carrier-grade NAT), 198.18/15 (benchmarking), 240/4 (reserved)
            return first != 0
                    && !(first == 100 && second >= 64 && second < 128)
                    && !(first == 198 && (second == 18 || second == 19))
                    && first < 240;
        }
        // fc00::/7 unique local; an IPv4-mapped address is checked as IPv4
        if ((b[0] & 0xfe) == 0xfc) {
            return false;
        }
        boolean mapped = true;
        for (int i = 0; i < 10; i++) {
            mapped &= b[i] == 0;
        }
        if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            try {
                return isPublic(InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16)));
            } catch (UnknownHostException e) {
                return false;
            }
        }
        return true;
    }
}

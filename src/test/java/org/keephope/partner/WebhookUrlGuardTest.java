package org.keephope.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The URL guard with KEEPHOPE_WEBHOOKS_ALLOW_PRIVATE off, against a fixed resolver (no DNS is asked). */
class WebhookUrlGuardTest {

    static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    static final Map<String, InetAddress[]> HOSTS = Map.of(
            "crm.example.org", new InetAddress[] {ip("93.184.216.34")},
            "mixed.example.org", new InetAddress[] {ip("93.184.216.34"), ip("10.1.2.3")},
            "v6.example.org", new InetAddress[] {ip("2606:2800:220:1:248:1893:25c8:1946")},
            "ula.example.org", new InetAddress[] {ip("fd00::1")},
            "mapped.example.org", new InetAddress[] {ip("::ffff:192.168.1.1")});

    final WebhookUrlGuard guard = new WebhookUrlGuard(false, host -> {
        InetAddress[] found = HOSTS.get(host);
        if (found == null) {
            // literal addresses resolve to themselves, as InetAddress does
            if (host.matches("[0-9.]+") || host.startsWith("[")) {
                return new InetAddress[] {ip(host.replace("[", "").replace("]", ""))};
            }
            throw new UnknownHostException(host);
        }
        return found;
    });

    @Test
    void aPublicHttpsHostPasses() {
        assertThat(guard.problem("https://crm.example.org/hooks/keephope")).isEmpty();
        assertThat(guard.problem("https://v6.example.org/hook")).isEmpty();
    }

    @Test
    void plainHttpIsRefused() {
        assertThat(guard.problem("http://crm.example.org/hook")).contains("webhook.url.https");
    }

    @Test
    void everyAddressOfTheHostMustBePublic() {
        assertThat(guard.problem("https://mixed.example.org/hook")).contains("webhook.url.private");
        assertThat(guard.problem("https://ula.example.org/hook")).contains("webhook.url.private");
        assertThat(guard.problem("https://mapped.example.org/hook")).contains("webhook.url.private");
        for (String literal : new String[] {
            "127.0.0.1",
            "10.0.0.1",
            "172.16.5.4",
            "192.168.0.10",
            "169.254.169.254",
            "0.0.0.0",
            "100.64.0.1",
            "[::1]",
            "[fe80::1]"
        }) {
            assertThat(guard.problem("https://" + literal + "/hook"))
                    .as(literal)
                    .contains("webhook.url.private");
        }
    }

    @Test
    void nonsenseIsInvalid() {
        assertThat(guard.problem("")).contains("webhook.url.invalid");
        assertThat(guard.problem("ftp://crm.example.org/")).contains("webhook.url.invalid");
        assertThat(guard.problem("https://user:pw@crm.example.org/")).contains("webhook.url.invalid");
        assertThat(guard.problem("https://no-such.example.org/")).contains("webhook.url.unknown-host");
        assertThat(guard.problem("not a url")).contains("webhook.url.invalid");
    }

    @Test
    void theAllowFlagLetsLoopbackHttpThrough() {
        assertThat(new WebhookUrlGuard(true).problem("http://127.0.0.1:8080/hook"))
                .isEmpty();
    }
}

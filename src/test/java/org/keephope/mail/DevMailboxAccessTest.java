package org.keephope.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.keephope.web.PageNotFound;
import org.keephope.web.SiteProperties;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.ui.ExtendedModelMap;

class DevMailboxAccessTest {

    static final int PORT = 8080;

    /** A request from a peer address, with the Host header a browser on this machine sends. */
    static MockHttpServletRequest from(String address) {
        return request(address, "localhost:" + PORT);
    }

    /** A request from this machine with the given Host header (none when null). */
    static MockHttpServletRequest addressedTo(String host) {
        return request("127.0.0.1", host);
    }

    static MockHttpServletRequest request(String address, String host) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/dev/mailbox");
        request.setRemoteAddr(address);
        request.setLocalPort(PORT);
        if (host != null) {
            request.addHeader("Host", host);
        }
        return request;
    }

    static DevMailboxController controller(String baseUrl, boolean asked) {
        return new DevMailboxController(
                new DevMailbox(Clock.systemUTC()),
                new SiteProperties(baseUrl),
                SmtpSecurityTest.properties(false, asked));
    }

    @Test
    void onlyThisMachineWithoutAProxySeesTheMailbox() {
        assertThat(DevMailboxController.fromThisMachine(from("127.0.0.1"))).isTrue();
        assertThat(DevMailboxController.fromThisMachine(from("0:0:0:0:0:0:0:1")))
                .isTrue();
        assertThat(DevMailboxController.fromThisMachine(from("192.0.2.10"))).isFalse();
        MockHttpServletRequest proxied = from("127.0.0.1");
        proxied.addHeader("X-Forwarded-For", "192.0.2.10");
        assertThat(DevMailboxController.fromThisMachine(proxied))
                .as("a reverse proxy on this machine")
                .isFalse();
        MockHttpServletRequest forwarded = from("127.0.0.1");
        forwarded.addHeader("Forwarded", "for=192.0.2.10");
        assertThat(DevMailboxController.fromThisMachine(forwarded)).isFalse();
    }

    @Test
    void onlyRequestsAddressedToThisMachineByNameAndPortSeeTheMailbox() {
        for (String host : new String[] {"localhost:8080", "127.0.0.1:8080", "[::1]:8080", "LocalHost:8080"}) {
            assertThat(DevMailboxController.addressedToThisMachine(addressedTo(host)))
                    .as(host)
                    .isTrue();
        }
        for (String host : new String[] {
            "rebind.attacker.example:8080", // DNS rebinding: a hostile name resolved to 127.0.0.1
            "localhost.attacker.example:8080",
            "localhost:8081",
            "localhost",
            "127.0.0.2:8080",
            "localhost:80x",
            ""
        }) {
            assertThat(DevMailboxController.addressedToThisMachine(addressedTo(host)))
                    .as(host)
                    .isFalse();
        }
        assertThat(DevMailboxController.addressedToThisMachine(addressedTo(null)))
                .isFalse();
        MockHttpServletRequest twice = addressedTo("localhost:8080");
        twice.addHeader("Host", "rebind.attacker.example:8080");
        assertThat(DevMailboxController.addressedToThisMachine(twice)).isFalse();
    }

    @Test
    void theMailboxIsOffUnlessTheBaseUrlIsThisMachineOrTheOperatorAsks() {
        assertThat(DevMailboxController.enabled("http://localhost:8080", false)).isTrue();
        assertThat(DevMailboxController.enabled("http://127.0.0.1:8080", false)).isTrue();
        assertThat(DevMailboxController.enabled("http://[::1]:8080", false)).isTrue();
        assertThat(DevMailboxController.enabled("https://campaigns.example.org", false))
                .isFalse();
        assertThat(DevMailboxController.enabled("http://keephope.test", false)).isFalse();
        assertThat(DevMailboxController.enabled("https://campaigns.example.org", true))
                .isTrue();
    }

    @Test
    void theControllerAnswersOnlyWhenEveryCheckPasses() {
        assertThat(controller("http://localhost:8080", false).mailbox(from("127.0.0.1"), new ExtendedModelMap()))
                .isEqualTo("pages/mailbox");
        assertThatThrownBy(() -> controller("https://campaigns.example.org", false)
                        .mailbox(from("127.0.0.1"), new ExtendedModelMap()))
                .isInstanceOf(PageNotFound.class);
        assertThat(controller("https://campaigns.example.org", true).mailbox(from("127.0.0.1"), new ExtendedModelMap()))
                .isEqualTo("pages/mailbox");
        assertThatThrownBy(() -> controller("http://localhost:8080", false)
                        .mailbox(addressedTo("rebind.attacker.example:8080"), new ExtendedModelMap()))
                .isInstanceOf(PageNotFound.class);
    }
}

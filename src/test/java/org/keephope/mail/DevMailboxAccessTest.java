package org.keephope.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class DevMailboxAccessTest {

    static MockHttpServletRequest from(String address) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/dev/mailbox");
        request.setRemoteAddr(address);
        return request;
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
}

package org.keephope.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

    @Test
    void anIpv4ClientIsItsWholeAddress() {
        assertThat(ClientAddress.limitKey("192.0.2.1")).isEqualTo(ClientAddress.limitKey(" 192.0.2.1 "));
        assertThat(ClientAddress.limitKey("192.0.2.1")).isNotEqualTo(ClientAddress.limitKey("192.0.2.2"));
        assertThat(ClientAddress.limitKey("::ffff:192.0.2.1"))
                .as("an IPv4-mapped IPv6 address is the IPv4 client it carries")
                .isEqualTo(ClientAddress.limitKey("192.0.2.1"));
    }

    @Test
    void anIpv6ClientIsItsSlash64() {
        String key = ClientAddress.limitKey("2001:db8:1:2::1");
        assertThat(ClientAddress.limitKey("2001:db8:1:2:ffff:ffff:ffff:ffff")).isEqualTo(key);
        assertThat(ClientAddress.limitKey("2001:0DB8:0001:0002:0:0:0:abcd"))
                .as("another spelling of the same network")
                .isEqualTo(key);
        assertThat(ClientAddress.limitKey("[2001:db8:1:2::7]")).isEqualTo(key);
        assertThat(ClientAddress.limitKey("2001:db8:1:2::7%eth0")).isEqualTo(key);
        assertThat(ClientAddress.limitKey("2001:db8:1:3::1")).as("the next /64").isNotEqualTo(key);
        assertThat(ClientAddress.limitKey("2001:db8:2:2::1")).isNotEqualTo(key);
    }

    @Test
    void textThatIsNoAddressCountsAsItselfAndIsNeverLookedUp() {
        assertThat(ClientAddress.limitKey("localhost")).isEqualTo("text:localhost");
        assertThat(ClientAddress.limitKey("999.1.1.1")).isEqualTo("text:999.1.1.1");
        assertThat(ClientAddress.limitKey("1:2:3")).isEqualTo("text:1:2:3");
        assertThat(ClientAddress.limitKey("unknown")).isEqualTo("text:unknown");
        assertThat(ClientAddress.limitKey(null)).isEqualTo("text:null");
    }

    @Test
    void sharedAddressesAreMatchedWhateverTheSpelling() {
        ClientLimits limits = TestLimits.clientLimits(Clock.systemUTC(), 100, 10, 10, "127.0.0.1", "::1");
        assertThat(limits.client("127.0.0.1").shared()).isTrue();
        assertThat(limits.client("0:0:0:0:0:0:0:1").shared()).isTrue();
        assertThat(limits.client("127.0.0.2").shared()).isFalse();
        assertThat(limits.client("::2").shared())
                .as("only the address itself is shared, not its /64")
                .isFalse();
        assertThat(limits.client("127.0.0.1").key())
                .isNotEqualTo(limits.client("127.0.0.2").key());
    }

    @Test
    void aSharedAddressThatIsNoAddressIsRefusedAtStart() {
        assertThatThrownBy(() -> TestLimits.clientLimits(Clock.systemUTC(), 100, 10, 10, "tor.local"))
                .hasMessageContaining("'tor.local' is not an IP address");
    }
}

package org.keephope.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.support.ResourcePropertySource;
import org.springframework.mock.env.MockEnvironment;

class TrustedProxiesTest {

    MockEnvironment after(MockEnvironment environment) {
        new TrustedProxies().postProcessEnvironment(environment, null);
        return environment;
    }

    @Test
    void listedProxiesTurnOnTomcatsRemoteIpValveForExactlyThoseAddresses() {
        var environment = after(new MockEnvironment().withProperty(TrustedProxies.PROPERTY, "192.0.2.10, ::1"));
        assertThat(environment.getProperty("server.forward-headers-strategy")).isEqualTo("native");
        assertThat(environment.getProperty("server.tomcat.remoteip.remote-ip-header"))
                .isEqualTo("X-Forwarded-For");
        assertThat(environment.getProperty("server.tomcat.remoteip.protocol-header"))
                .isEqualTo("X-Forwarded-Proto");
        assertThat(environment.getProperty("server.tomcat.remoteip.trusted-proxies"))
                .isEmpty();
        Pattern trusted = Pattern.compile(environment.getProperty(TrustedProxies.INTERNAL_PROXIES));
        assertThat(trusted.matcher("192.0.2.10").matches()).isTrue();
        assertThat(trusted.matcher("0:0:0:0:0:0:0:1").matches())
                .as("as Java spells the connection's address")
                .isTrue();
        assertThat(trusted.matcher("::1").matches()).as("as a proxy writes it").isTrue();
        assertThat(trusted.matcher("192.0.2.100").matches()).isFalse();
        assertThat(trusted.matcher("192.0.2.1").matches()).isFalse();
        assertThat(trusted.matcher("192a0b2c10").matches()).isFalse();
        assertThat(trusted.matcher("10.0.0.1").matches()).isFalse();
        assertThat(trusted.matcher("127.0.0.1").matches()).isFalse();
    }

    @Test
    void withoutTheSettingNothingIsChanged() {
        var environment = after(new MockEnvironment().withProperty(TrustedProxies.PROPERTY, " "));
        assertThat(environment.getProperty("server.forward-headers-strategy")).isNull();
        assertThat(environment.getProperty(TrustedProxies.INTERNAL_PROXIES)).isNull();
    }

    @Test
    void byDefaultBootsListOfPrivateAddressesIsEmptiedSoNobodyIsTrusted() throws Exception {
        var application = new ResourcePropertySource("classpath:application.properties");
        assertThat(application.getProperty(TrustedProxies.INTERNAL_PROXIES))
                .as("Boot's default would trust 10/8, 172.16/12, 192.168/16, 127/8 and more")
                .isEqualTo("");
        assertThat(application.getProperty(TrustedProxies.PROPERTY)).isEqualTo("${KEEPHOPE_TRUSTED_PROXIES:}");
    }

    @Test
    void aStrategyThatBelievesEveryClientIsRefused() {
        assertThatThrownBy(
                        () -> after(new MockEnvironment().withProperty("server.forward-headers-strategy", "FRAMEWORK")))
                .hasMessageContaining("KEEPHOPE_TRUSTED_PROXIES");
    }

    @Test
    void somethingThatIsNotAnAddressIsRefused() {
        assertThatThrownBy(() -> after(new MockEnvironment().withProperty(TrustedProxies.PROPERTY, "proxy.local")))
                .hasMessageContaining("'proxy.local' is not an IP address");
        assertThatThrownBy(() -> after(new MockEnvironment().withProperty(TrustedProxies.PROPERTY, "10.0.0.0/8")))
                .hasMessageContaining("'10.0.0.0/8' is not an IP address");
    }

    @Test
    void anAddressThatIsBothATrustedProxyAndSharedIsRefused() {
        assertThatThrownBy(() -> after(new MockEnvironment()
                        .withProperty(TrustedProxies.PROPERTY, "127.0.0.1,::1")
                        .withProperty("keephope.limits.shared-client-addresses", "127.0.0.2, 0:0:0:0:0:0:0:1")))
                .hasMessageContaining("'::1' is both a trusted proxy and a shared client address");
        assertThat(after(new MockEnvironment()
                                .withProperty(TrustedProxies.PROPERTY, "127.0.0.1")
                                .withProperty("keephope.limits.shared-client-addresses", "127.0.0.2"))
                        .getProperty("server.forward-headers-strategy"))
                .isEqualTo("native");
    }

    @Test
    void twoListsAtOnceAreRefused() {
        assertThatThrownBy(() -> after(new MockEnvironment()
                        .withProperty(TrustedProxies.PROPERTY, "192.0.2.10")
                        .withProperty(TrustedProxies.INTERNAL_PROXIES, "10\\..*")))
                .hasMessageContaining("not both");
    }
}

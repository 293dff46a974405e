package org.keephope.web;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.tomcat.util.net.IPv6Utils;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns {@code keephope.web.trusted-proxies} ({@code KEEPHOPE_TRUSTED_PROXIES}, IP addresses) into Spring
 * Boot's own forwarded-header settings: {@code server.forward-headers-strategy=native}, which puts Tomcat's
 * {@code RemoteIpValve} in front, with {@code server.tomcat.remoteip.internal-proxies} matching exactly those
 * addresses. The valve then believes {@code X-Forwarded-For} and {@code X-Forwarded-Proto} only from them,
 * and takes the client from the right end of the chain (what the nearest trusted proxy saw), so a client
 * cannot pick its address by sending the header itself.
 *
 * <p>Without the setting nobody is trusted: {@code application.properties} empties Boot's default list,
 * which would otherwise believe every private address whenever the strategy is {@code native} (set by hand,
 * or deduced on Kubernetes). {@code framework} (Spring's {@code ForwardedHeaderFilter}) believes every client
 * and is refused at start.
 */
public class TrustedProxies implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY = "keephope.web.trusted-proxies";
    static final String INTERNAL_PROXIES = "server.tomcat.remoteip.internal-proxies";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String strategy = environment.getProperty("server.forward-headers-strategy", "");
        if (strategy.strip().equalsIgnoreCase("framework")) {
            throw new IllegalStateException("server.forward-headers-strategy=framework believes forwarded headers"
                    + " from every client; list your proxies in KEEPHOPE_TRUSTED_PROXIES instead");
        }
        List<String> proxies =
                Binder.get(environment).bind(PROPERTY, Bindable.listOf(String.class)).orElse(List.of()).stream()
                        .map(String::strip)
                        .filter(p -> !p.isEmpty())
                        .toList();
        if (proxies.isEmpty()) {
            return;
        }
        if (!environment.getProperty(INTERNAL_PROXIES, "").isBlank()) {
            throw new IllegalStateException(
                    "set either KEEPHOPE_TRUSTED_PROXIES or " + INTERNAL_PROXIES + ", not both");
        }
        List<String> shared = Binder.get(environment)
                .bind("keephope.limits.shared-client-addresses", Bindable.listOf(String.class))
                .orElse(List.of());
        for (String proxy : proxies) {
            var exact = ClientAddress.exact(proxy);
            if (exact.isPresent() && shared.stream().map(ClientAddress::exact).anyMatch(exact::equals)) {
                throw new IllegalStateException("'" + proxy + "' is both a trusted proxy and a shared client"
                        + " address: a visitor arriving from it (through Tor) could write X-Forwarded-For itself"
                        + " and pick a budget of its own; give shared visitors an address of their own");
            }
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("server.forward-headers-strategy", "native");
        settings.put(INTERNAL_PROXIES, pattern(proxies));
        settings.put("server.tomcat.remoteip.trusted-proxies", "");
        settings.put("server.tomcat.remoteip.remote-ip-header", "X-Forwarded-For");
        settings.put("server.tomcat.remoteip.protocol-header", "X-Forwarded-Proto");
        environment.getPropertySources().addFirst(new MapPropertySource("keephope-trusted-proxies", settings));
    }

    /**
     * A regular expression that matches exactly these addresses as Tomcat may spell them: Java's form of the
     * connection's address ({@code 0:0:0:0:0:0:0:1}) and the short form proxies write ({@code ::1}).
     */
    static String pattern(List<String> proxies) {
        List<String> spellings = new ArrayList<>();
        for (String proxy : proxies) {
            InetAddress address = ClientAddress.literal(proxy)
                    .orElseThrow(() -> new IllegalStateException(PROPERTY + ": '" + proxy
                            + "' is not an IP address (list each proxy's address; for ranges see the README)"));
            String java = address.getHostAddress();
            spellings.add(java);
            if (!(address instanceof Inet4Address)) {
                spellings.add(IPv6Utils.canonize(java));
            }
        }
        return spellings.stream().distinct().map(Pattern::quote).collect(Collectors.joining("|", "(?i)(?:", ")"));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE; // after application.properties and the environment are read
    }
}

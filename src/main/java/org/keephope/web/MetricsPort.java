package org.keephope.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Metrics for operators, off unless asked for: {@code KEEPHOPE_METRICS_PORT} ({@code keephope.metrics.port})
 * moves Spring Boot's management server to that port, on {@code 127.0.0.1} unless
 * {@code KEEPHOPE_METRICS_ADDRESS} says otherwise, and exposes {@code /actuator/prometheus} there. The public
 * port keeps {@code /actuator/health} ({@link PublicHealth}) and never has the
 * metrics. Without the setting there is no Prometheus endpoint anywhere.
 */
public class MetricsPort implements EnvironmentPostProcessor, Ordered {

    static final String PORT = "keephope.metrics.port";
    static final String ADDRESS = "keephope.metrics.address";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String port = environment.getProperty(PORT, "").strip();
        if (port.isEmpty()) {
            return;
        }
        if (!port.matches("[1-9][0-9]{0,4}") || Integer.parseInt(port) > 65535) {
            throw new IllegalStateException("KEEPHOPE_METRICS_PORT is a TCP port (1-65535), not '" + port + "'");
        }
        if (port.equals(environment.getProperty("server.port", "8080").strip())) {
            throw new IllegalStateException("KEEPHOPE_METRICS_PORT must differ from the public port " + port
                    + ": the metrics are for operators, never on the public port");
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("management.server.port", port);
        settings.put(
                "management.server.address",
                environment.getProperty(ADDRESS, "127.0.0.1").strip());
        settings.put("management.endpoints.web.exposure.include", "health,prometheus");
        // the public port keeps /actuator/health: PublicHealth answers it there
        environment.getPropertySources().addFirst(new MapPropertySource("keephope-metrics-port", settings));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}

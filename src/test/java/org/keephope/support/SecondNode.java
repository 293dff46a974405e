package org.keephope.support;

import java.util.HashMap;
import java.util.Map;
import org.keephope.KeepHopeApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/** A second KeepHope node on the test's database, as MailOutboxIT starts one. */
public final class SecondNode {

    private SecondNode() {}

    public static ConfigurableApplicationContext start(Environment environment) {
        return start(environment, Map.of());
    }

    /** A second node with some settings of its own ({@code extra} wins over the test's). */
    public static ConfigurableApplicationContext start(Environment environment, Map<String, String> extra) {
        Map<String, Object> properties = new HashMap<>(TestDatabase.properties());
        for (String key : new String[] {
            "spring.mail.host",
            "spring.mail.port",
            "keephope.crypto.key-directory",
            "keephope.crypto.generate-missing-keys",
            "keephope.base-url",
            "keephope.mail.poll-millis",
            "keephope.mail.batch-size",
            "keephope.mail.retry-initial",
            "keephope.mail.retry-max",
            "keephope.signing.min-fill-time",
            "keephope.signing.client-limit-per-hour",
            "keephope.signing.resend-interval",
            "keephope.signing.thank-you-mail"
        }) {
            String value = environment.getProperty(key);
            if (value != null) {
                properties.put(key, value);
            }
        }
        properties.put("server.port", "0");
        properties.put("keephope.demo", "false");
        properties.put("spring.flyway.enabled", "false");
        properties.putAll(extra);
        // first in line: they must win over application.properties, as the test's own properties do
        return new SpringApplicationBuilder(KeepHopeApplication.class)
                .initializers(context -> context.getEnvironment()
                        .getPropertySources()
                        .addFirst(new org.springframework.core.env.MapPropertySource("second-node", properties)))
                .run();
    }
}

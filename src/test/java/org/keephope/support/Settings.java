package org.keephope.support;

import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** A module's settings record with its defaults and the given overrides, as Spring Boot would bind it. */
public final class Settings {

    private Settings() {}

    public static <T> T of(String prefix, Class<T> type, Map<String, String> overrides) {
        return new Binder(new MapConfigurationPropertySource(overrides)).bindOrCreate(prefix, type);
    }
}

package org.keephope.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param demo load the Keep Hope Alive demo campaign into an empty database on start ({@code KEEPHOPE_DEMO})
 */
@ConfigurationProperties(prefix = "keephope")
public record DemoProperties(boolean demo) {}

package org.keephope.partner;

import java.util.Map;

/** A coalition member's line on a campaign's partner screen, as saved or as typed. */
public record SettingLine(
        long id, String slug, String name, boolean collects, String origin, Map<String, String> texts) {}

package org.keephope.campaign;

import java.time.LocalDate;

/** The event a campaign is tied to, such as a summit. */
public record Event(String name, String place, LocalDate starts, LocalDate ends) {}

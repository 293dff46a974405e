package org.keephope.stats;

import java.time.LocalDate;

/** Confirmed signatures of one day (UTC) and the total up to the end of that day. */
public record DayCount(LocalDate day, long signatures, long cumulative) {}

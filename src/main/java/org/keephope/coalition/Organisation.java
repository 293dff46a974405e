package org.keephope.coalition;

/** A member of a coalition: a human-rights organisation with its public website. */
public record Organisation(long id, String slug, String name, String website, String logo, String description) {}

package org.keephope.news;

/** A category or a region: its slug (used in URLs) and its name in the reader's language. */
public record Term(String slug, String name) {}

package org.keephope.coalition;

/** An organisation as staff edit it: with the version their edit starts from. */
public record EditableOrganisation(
        long id, String slug, String name, String website, String logo, String description, int version) {}

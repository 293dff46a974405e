package org.keephope.coalition;

public record NewOrganisation(String slug, String name, String website, String logo, String description) {}

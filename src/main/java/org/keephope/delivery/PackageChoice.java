package org.keephope.delivery;

/** Choices of the delivery screen's download form, as sent (kept when the form comes back with an error). */
public record PackageChoice(String target, String language, String format, boolean signers) {}

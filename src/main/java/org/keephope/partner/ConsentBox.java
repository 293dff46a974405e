package org.keephope.partner;

/** One unticked box on the sign form: a partner's consent text, by its id (which names its version). */
public record ConsentBox(long textId, String organisation, String text, boolean ticked) {}

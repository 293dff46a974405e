package org.keephope.partner;

/** A partner's figures in one campaign: signatures it brought (?src=) and opt-ins to it, all and confirmed. */
public record PartnerLine(
        String slug,
        String name,
        boolean collects,
        long attributed,
        long attributedConfirmed,
        long optIns,
        long optInsConfirmed) {}

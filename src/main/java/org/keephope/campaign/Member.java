package org.keephope.campaign;

import org.keephope.coalition.Organisation;

/** An organisation in a campaign's coalition. */
public record Member(Organisation organisation, MemberRole role) {}

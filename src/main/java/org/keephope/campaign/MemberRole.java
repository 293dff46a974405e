package org.keephope.campaign;

public enum MemberRole {
    LEAD,
    SUPPORTER
}

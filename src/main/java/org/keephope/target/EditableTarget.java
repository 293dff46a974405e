package org.keephope.target;

/** A target as staff edit it, contact addresses included; {@code version} guards against stale edits. */
public record EditableTarget(long id, TargetData data, String photo, int version) {}

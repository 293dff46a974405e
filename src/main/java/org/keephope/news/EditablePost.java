package org.keephope.news;

/** A post as staff edit it: its content (term slugs included) and the version the edit starts from. */
public record EditablePost(long id, int version, NewPost content) {}

package org.keephope.web;

/** Something a reader asked for by name does not exist (or is not public): the friendly 404 page. */
public class PageNotFound extends RuntimeException {

    private PageNotFound(String what) {
        super(what, null, false, false);
    }

    public static PageNotFound of(String kind, String slug) {
        return new PageNotFound(kind + " " + slug);
    }
}

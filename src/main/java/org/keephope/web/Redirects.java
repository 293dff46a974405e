package org.keephope.web;

import jakarta.servlet.http.HttpServletResponse;

/** After a POST that changed something: 303 See Other, so the browser follows with a GET. */
public final class Redirects {

    private Redirects() {}

    /** Sends the redirect; a controller returns this (null) to say the response is complete. */
    public static String seeOther(HttpServletResponse response, String path) {
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", path);
        return null;
    }
}

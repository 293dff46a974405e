package org.keephope.web;

/**
 * The rules for form fields that several forms share, as regular expressions for Bean Validation's
 * {@code @Pattern} (so they are compile-time constants) and for {@link String#matches}.
 */
public final class FormPatterns {

    /** Lower-case letters and digits in words joined by single hyphens: part of a page's address. */
    public static final String SLUG = "[a-z0-9]+(-[a-z0-9]+)*";

    /**
     * Something, {@code @}, a domain with a dot, no spaces: a typing mistake is caught, and whether the
     * mailbox exists is for the confirmation mail to find out.
     */
    public static final String EMAIL = "[^\\s@]+@[^\\s@]+\\.[^\\s@]+";

    /** http(s) with a host and no spaces: never javascript:, data: or a relative path. */
    public static final String WEB_ADDRESS = "https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?([/?#][^\\s<>\"]*)?";

    /** Empty, or {@link #WEB_ADDRESS}. */
    public static final String OPTIONAL_WEB_ADDRESS = "|" + WEB_ADDRESS;

    /** Anything but C0 and C1 control characters (and DEL). */
    public static final String NO_CONTROLS = "[^\\p{Cntrl}\\u0080-\\u009F]*";

    /** As {@link #NO_CONTROLS}, but line breaks and tabs are text. */
    public static final String TEXT = "[\\r\\n\\t[^\\p{Cntrl}\\u0080-\\u009F]]*";

    private FormPatterns() {}
}

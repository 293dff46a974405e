package org.keephope.news;

/** Who journalists should call about a post: the news module's own, whatever the campaign's says. */
public record PressContact(String name, String email, String phone) {

    public boolean isEmpty() {
        return isBlank(name) && isBlank(email) && isBlank(phone);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}

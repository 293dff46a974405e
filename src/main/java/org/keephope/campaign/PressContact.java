package org.keephope.campaign;

/** Who journalists should call about a campaign or a post. */
public record PressContact(String name, String email, String phone) {

    public boolean isEmpty() {
        return isBlank(name) && isBlank(email) && isBlank(phone);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}

package org.keephope.delivery;

import java.util.Locale;
import java.util.Optional;

/** How a package reached a target. */
public enum DeliveryMethod {
    EMAIL,
    IN_PERSON,
    POST,
    ONLINE_FORM;

    /** As forms and message keys write it: {@code email}, {@code in-person}, {@code post}, {@code online-form}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Optional<DeliveryMethod> of(String value) {
        for (DeliveryMethod m : values()) {
            if (m.value().equals(value)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}

package org.keephope.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts {@link Ui} into every model, so every template can declare {@code @param Ui ui}. */
@ControllerAdvice
class UiAdvice {

    private final UiFactory factory;

    UiAdvice(UiFactory factory) {
        this.factory = factory;
    }

    @ModelAttribute("ui")
    Ui ui(HttpServletRequest request, Locale locale) {
        return factory.create(request, locale);
    }
}

package org.keephope.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Friendly error pages in the reader's language. Never an exception message or a stack trace: the page
 * says what happened in plain words, with the status code.
 */
@Controller
@ControllerAdvice
class ErrorPages implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

    private final UiFactory uiFactory;

    ErrorPages(UiFactory uiFactory) {
        this.uiFactory = uiFactory;
    }

    @ExceptionHandler(PageNotFound.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(HttpServletRequest request, Model model) {
        return render(request, HttpStatus.NOT_FOUND.value(), model);
    }

    @RequestMapping("/error")
    String error(HttpServletRequest request, HttpServletResponse response, Model model) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 500;
        if (status >= 500) {
            Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
            log.warn(
                    "Error {} on {}", status, uri, (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
        }
        response.setStatus(status);
        return render(request, status, model);
    }

    private String render(HttpServletRequest request, int status, Model model) {
        String kind = switch (status) {
            case 400, 404, 405, 409, 413, 429 -> String.valueOf(status);
            default -> status >= 500 ? "500" : "400";
        };
        model.addAttribute("ui", uiFactory.create(request));
        model.addAttribute("status", status);
        model.addAttribute("kind", kind);
        return "error/page";
    }
}

package org.keephope.web;

import jakarta.servlet.DispatcherType;
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
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * Friendly error pages in the reader's language. Never an exception message or a stack trace: the page
 * says what happened in plain words, with the status code. Errors Tomcat answers before the application
 * sees the request get the same page from {@link ContainerErrorPage}.
 */
@Controller
@ControllerAdvice
class ErrorPages implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

    private final UiFactory uiFactory;
    private final BadInputLog badInput;

    ErrorPages(UiFactory uiFactory, BadInputLog badInput) {
        this.uiFactory = uiFactory;
        this.badInput = badInput;
    }

    @ExceptionHandler(PageNotFound.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(HttpServletRequest request, Model model) {
        return render(request, HttpStatus.NOT_FOUND.value(), model);
    }

    /** A multipart body without a boundary, or a broken one: the client's mistake, on any route. */
    @ExceptionHandler(MultipartException.class)
    String badMultipart(MultipartException e, HttpServletRequest request, HttpServletResponse response, Model model) {
        int status = e instanceof MaxUploadSizeExceededException
                ? HttpStatus.CONTENT_TOO_LARGE.value()
                : HttpStatus.BAD_REQUEST.value();
        badInput.refused(status, "unreadable multipart body", request);
        response.setStatus(status);
        return render(request, status, model);
    }

    @RequestMapping("/error")
    String error(HttpServletRequest request, HttpServletResponse response, Model model) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // asked for by name, /error is a page that does not exist
        int status = code instanceof Integer i ? i : request.getDispatcherType() == DispatcherType.ERROR ? 500 : 404;
        if (status >= 500 && request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable thrown) {
            // RequestErrors catches what leaves the application; this is what Tomcat caught itself
            log.error("Error {} on {}", status, BadInputLog.route(request), RequestErrors.Redacted.copy(thrown));
        }
        response.setStatus(status);
        return render(request, status, model);
    }

    private String render(HttpServletRequest request, int status, Model model) {
        model.addAttribute("ui", uiFactory.create(request));
        model.addAttribute("status", status);
        model.addAttribute("kind", ErrorPageRenderer.kind(status));
        return "error/page";
    }
}

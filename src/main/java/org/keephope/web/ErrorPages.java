package org.keephope.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

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
    private final List<PathPattern> jsonRoutes;

    ErrorPages(UiFactory uiFactory, BadInputLog badInput, List<ProblemRoutes> problemRoutes) {
        this.uiFactory = uiFactory;
        this.badInput = badInput;
        this.jsonRoutes = problemRoutes.stream()
                .flatMap(routes -> routes.patterns().stream())
                .map(PathPatternParser.defaultInstance::parse)
                .toList();
    }

    /** The API's own routes; other modules declare theirs (see {@link ProblemRoutes}). */
    @org.springframework.context.annotation.Bean
    static ProblemRoutes apiProblemRoutes() {
        return new ProblemRoutes("/api/**");
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
    Object error(HttpServletRequest request, HttpServletResponse response, Model model) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // asked for by name, /error is a page that does not exist
        int status = code instanceof Integer i ? i : request.getDispatcherType() == DispatcherType.ERROR ? 500 : 404;
        if (status >= 500 && request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable thrown) {
            // RequestErrors catches what leaves the application; this is what Tomcat caught itself
            log.error("Error {} on {}", status, BadInputLog.route(request), RequestErrors.Redacted.copy(thrown));
        }
        response.setStatus(status);
        if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri && isJsonRoute(uri)) {
            return problem(status);
        }
        return render(request, status, model);
    }

    private boolean isJsonRoute(String uri) {
        PathContainer path = PathContainer.parsePath(uri);
        return jsonRoutes.stream().anyMatch(pattern -> pattern.matches(path));
    }

    /** No detail from the request (it may not even parse): the status and its plain name. */
    private static ResponseEntity<ProblemDetail> problem(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setTitle(known == null ? "Error" : known.getReasonPhrase());
        problem.setType(URI.create("about:blank"));
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private String render(HttpServletRequest request, int status, Model model) {
        model.addAttribute("ui", uiFactory.create(request));
        model.addAttribute("status", status);
        model.addAttribute("kind", ErrorPageRenderer.kind(status));
        return "error/page";
    }
}

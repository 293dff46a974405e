package org.keephope.api;

import java.net.URI;
import org.keephope.apikey.ApiRefused;
import org.keephope.web.PageNotFound;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every refusal of the API's handlers as {@code application/problem+json}: the key guard's (401 with
 * {@code WWW-Authenticate}, 403, 429 with {@code Retry-After}), ours ({@link ApiProblem}), and Spring MVC's
 * own (a wrong type, a missing parameter, an unsupported media type). Details are ours, never the client's
 * input quoted back. What fails before a handler is chosen (an unknown route, a wrong method) is answered by
 * the web module's error page as a problem too, since {@code /api/**} is a problem route.
 */
@RestControllerAdvice(basePackageClasses = ApiProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblems extends ResponseEntityExceptionHandler {

    @ExceptionHandler(ApiRefused.class)
    ResponseEntity<ProblemDetail> refused(ApiRefused e) {
        ProblemDetail problem = problem(e.status(), e.title(), e.getMessage());
        var answer = ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (e.status() == 401) {
            answer.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"keephope\"");
        }
        if (e.retryAfterSeconds() != null) {
            answer.header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
        }
        return answer.cacheControl(org.springframework.http.CacheControl.noStore())
                .body(problem);
    }

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> ours(ApiProblem e) {
        ProblemDetail problem = problem(e.status(), e.title(), e.getMessage());
        if (!e.errors().isEmpty()) {
            problem.setProperty("errors", e.errors());
        }
        var answer = ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (e.status() == 429) {
            answer.header(HttpHeaders.RETRY_AFTER, "3600");
        }
        return answer.body(problem);
    }

    /** An unknown category or region of the news, as the news module says it. */
    @ExceptionHandler(PageNotFound.class)
    ResponseEntity<ProblemDetail> notFound(PageNotFound e) {
        return ResponseEntity.status(404)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(404, "Not found", "No category or region has this slug."));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail p ? p : ProblemDetail.forStatus(statusCode);
        if (ex instanceof TypeMismatchException mismatch) {
            String name = mismatch.getPropertyName() == null ? "parameter" : mismatch.getPropertyName();
            problem.setDetail("Parameter '" + name + "' has the wrong type.");
        } else if (ex instanceof HttpMessageNotReadableException) {
            problem.setDetail("The body is not JSON of the expected shape.");
        }
        HttpStatus known = HttpStatus.resolve(statusCode.value());
        if (problem.getTitle() == null && known != null) {
            problem.setTitle(known.getReasonPhrase());
        }
        problem.setInstance(null);
        HttpHeaders answer = new HttpHeaders();
        answer.putAll(headers);
        answer.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(problem, answer, statusCode);
    }

    static ProblemDetail problem(int status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), detail);
        problem.setTitle(title);
        problem.setType(URI.create("about:blank"));
        return problem;
    }
}

package io.flightdeck.shared.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.autoconfigure.error.AbstractErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The last stop for errors no controller handled (unknown path, wrong method, a filter's sendError): an HTML page
 * for browsers, a problem document for everyone else, and under {@code /api/} a problem document even for a browser,
 * because every API error is one.
 */
@Controller
@RequestMapping("${server.error.path:/error}")
class ProblemErrorController extends AbstractErrorController {

    ProblemErrorController(ErrorAttributes errorAttributes, List<ErrorViewResolver> errorViewResolvers) {
        super(errorAttributes, errorViewResolvers);
    }

    @RequestMapping(produces = MediaType.TEXT_HTML_VALUE)
    Object errorHtml(HttpServletRequest request, HttpServletResponse response) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri != null && uri.toString().startsWith("/api/")) {
            return error(request);
        }
        HttpStatus status = getStatus(request);
        Map<String, Object> model = getErrorAttributes(request, ErrorAttributeOptions.defaults());
        response.setStatus(status.value());
        ModelAndView view = resolveErrorView(request, response, status, model);
        return view != null ? view : new ModelAndView("error/error", model, status);
    }

    @RequestMapping
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        HttpStatus status = getStatus(request);
        Object path = getErrorAttributes(request, ErrorAttributeOptions.of(ErrorAttributeOptions.Include.PATH)).get("path");
        // a filter that reads the database (an API key, a session) failed for want of a connection
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure
                && DatabaseUnavailable.causes(failure)) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(DatabaseUnavailable.problem(path == null ? null : path.toString()));
        }
        ProblemDetail problem = Problems.of(status, Problems.typeFor(status.value()), status.getReasonPhrase(),
                detailFor(status), path == null ? null : path.toString());
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static String detailFor(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "There is nothing at this address";
            case METHOD_NOT_ALLOWED -> "This address does not accept that HTTP method";
            case UNSUPPORTED_MEDIA_TYPE -> "This address does not accept that content type";
            case UNAUTHORIZED -> "Authentication is required";
            case FORBIDDEN -> "You are not allowed to do this";
            default -> status.is5xxServerError() ? "Something went wrong on our side" : status.getReasonPhrase();
        };
    }
}

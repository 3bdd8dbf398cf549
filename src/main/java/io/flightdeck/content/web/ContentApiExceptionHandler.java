package io.flightdeck.content.web;

import io.flightdeck.content.generation.GenerationFailedException;
import io.flightdeck.shared.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A generator that could not answer: the request was fine but the text could not be written, and nothing was saved.
 * What the workspace can fix (a provider not set up, a budget spent) is 422; a provider that failed is 502, one that is
 * busy or down 503, one too slow 504.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(-1)
class ContentApiExceptionHandler {

    @ExceptionHandler(GenerationFailedException.class)
    ProblemDetail generationFailed(GenerationFailedException e, HttpServletRequest request) {
        HttpStatus status = switch (e.reason()) {
            case "provider-not-configured", "budget-exhausted" -> HttpStatus.UNPROCESSABLE_CONTENT;
            case "rate-limited", "provider-unavailable" -> HttpStatus.SERVICE_UNAVAILABLE;
            case "timeout" -> HttpStatus.GATEWAY_TIMEOUT;
            default -> HttpStatus.BAD_GATEWAY;
        };
        ProblemDetail problem = Problems.of(status, e.reason(), "The text could not be generated", e.getMessage(),
                request.getRequestURI());
        problem.setProperty("reason", e.reason());
        return problem;
    }
}

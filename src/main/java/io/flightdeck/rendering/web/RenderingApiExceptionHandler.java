package io.flightdeck.rendering.web;

import io.flightdeck.rendering.WebhookRejectedException;
import io.flightdeck.shared.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A webhook that does not verify is 401: the caller is not who it says, and nothing was read or written. */
@RestControllerAdvice(annotations = RestController.class)
@Order(-1)
class RenderingApiExceptionHandler {

    @ExceptionHandler(WebhookRejectedException.class)
    ProblemDetail webhookRejected(WebhookRejectedException e, HttpServletRequest request) {
        return Problems.of(HttpStatus.UNAUTHORIZED, "webhook-signature", "The webhook could not be verified",
                e.getMessage(), request.getRequestURI());
    }
}

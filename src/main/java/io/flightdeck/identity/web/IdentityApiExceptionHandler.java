package io.flightdeck.identity.web;

import io.flightdeck.identity.domain.SignInRefusedException;
import io.flightdeck.shared.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Identity's own problems: refused sign-ins (401) and throttled ones (429 with Retry-After). */
@RestControllerAdvice(basePackageClasses = IdentityApiExceptionHandler.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class IdentityApiExceptionHandler {

    @ExceptionHandler(SignInRefusedException.class)
    ResponseEntity<ProblemDetail> signInRefused(SignInRefusedException e, HttpServletRequest request) {
        if (e.isThrottled()) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, e.retryAfter().toSeconds())))
                    .body(Problems.of(HttpStatus.TOO_MANY_REQUESTS, "sign-in-throttled", "Too many failed sign-ins",
                            e.getMessage(), request.getRequestURI()));
        }
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .body(Problems.of(HttpStatus.UNAUTHORIZED, "invalid-credentials", "Unauthorized", e.getMessage(),
                        request.getRequestURI()));
    }
}

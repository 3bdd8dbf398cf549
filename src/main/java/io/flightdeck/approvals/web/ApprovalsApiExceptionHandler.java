package io.flightdeck.approvals.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.flightdeck.approvals.domain.ApprovalRefused;
import io.flightdeck.shared.web.Problems;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Approvals' own 403s say which rule refused and why (the shared handler says only that the role does not allow it),
 * so a requester learns that separation of duties stops them, not their role.
 */
@RestControllerAdvice(basePackageClasses = ApprovalsApiExceptionHandler.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApprovalsApiExceptionHandler {

    @ExceptionHandler(ApprovalRefused.class)
    ProblemDetail refused(ApprovalRefused e, HttpServletRequest request) {
        return Problems.of(HttpStatus.FORBIDDEN, e.slug(), e.title(), e.getMessage(), request.getRequestURI());
    }
}

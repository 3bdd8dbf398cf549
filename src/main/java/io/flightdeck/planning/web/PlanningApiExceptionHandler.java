package io.flightdeck.planning.web;

import io.flightdeck.planning.templates.DependencyCycleException;
import io.flightdeck.shared.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Planning's own problem type: a dependency cycle, answered 400 with the cycle's members in order. */
@RestControllerAdvice(annotations = RestController.class)
@Order(-1)
class PlanningApiExceptionHandler {

    @ExceptionHandler(DependencyCycleException.class)
    ProblemDetail cycle(DependencyCycleException e, HttpServletRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "dependency-cycle", "Dependency cycle",
                e.getMessage(), request.getRequestURI());
        problem.setProperty("cycle", e.cycle());
        return problem;
    }
}

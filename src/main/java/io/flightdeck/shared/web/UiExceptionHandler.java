package io.flightdeck.shared.web;

import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.PreconditionFailedException;
import org.springframework.beans.InvalidPropertyException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Clear pages for domain errors raised by page controllers. Runs after {@link ApiExceptionHandler}, which takes
 * everything a REST controller throws; access denial is left to Spring Security (403 page).
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class UiExceptionHandler {

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(NotFoundException e) {
        return page(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    ModelAndView conflict(ConflictException e) {
        return page(HttpStatus.CONFLICT, "That cannot be done right now", e.getMessage());
    }

    @ExceptionHandler(PreconditionFailedException.class)
    ModelAndView stale(PreconditionFailedException e) {
        return page(HttpStatus.CONFLICT, "Someone else changed this", e.getMessage());
    }

    @ExceptionHandler(InvalidInputException.class)
    ModelAndView invalid(InvalidInputException e) {
        return page(HttpStatus.BAD_REQUEST, "Please check your input", e.field() + " " + e.getMessage());
    }

    /** A form field naming a list index the binder will not grow to (a hand-made request): bad input, not a 500. */
    @ExceptionHandler(InvalidPropertyException.class)
    ModelAndView invalidProperty(InvalidPropertyException e) {
        return page(HttpStatus.BAD_REQUEST, "Please check your input", "The form has a field this page does not know: "
                + e.getPropertyName());
    }

    /**
     * A path segment that is not the id it stands for ({@code /team/workload} against {@code /team/{userId}}) is an
     * address with nothing at it, not bad input.
     */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView typeMismatch(MethodArgumentTypeMismatchException e) {
        if (e.getParameter().hasParameterAnnotation(PathVariable.class)) {
            ModelAndView view = new ModelAndView("error/404", HttpStatus.NOT_FOUND);
            view.addObject("status", HttpStatus.NOT_FOUND.value());
            return view;
        }
        return page(HttpStatus.BAD_REQUEST, "Please check your input", e.getName() + " is not valid");
    }

    private static ModelAndView page(HttpStatus status, String title, String message) {
        ModelAndView view = new ModelAndView("error/error", status);
        view.addObject("status", status.value());
        view.addObject("title", title);
        view.addObject("message", message);
        return view;
    }
}

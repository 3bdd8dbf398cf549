package io.flightdeck.shared.web;

import java.util.List;

import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.PayloadTooLargeException;
import io.flightdeck.shared.PreconditionFailedException;
import io.flightdeck.shared.idempotency.IdempotencyKeys;
import io.flightdeck.shared.webhooks.WebhookRejectedException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.util.DisconnectedClientHelper;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Turns every exception a REST controller throws into an RFC 9457 problem. Errors that happen before a controller
 * is chosen (unknown path, wrong method) reach {@link ProblemErrorController} instead; security errors are written
 * by {@link ProblemResponses}.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(0)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e, HttpServletRequest request) {
        return Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage(), request.getRequestURI());
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ProblemDetail payloadTooLarge(PayloadTooLargeException e, HttpServletRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Content too large",
                e.getMessage(), request.getRequestURI());
        problem.setProperty("limitBytes", e.limitBytes());
        return problem;
    }

    /** A webhook that does not verify: the caller is not who it says, and nothing was read or written. */
    @ExceptionHandler(WebhookRejectedException.class)
    ProblemDetail webhookRejected(WebhookRejectedException e, HttpServletRequest request) {
        log.info("Webhook refused on {}: {}", request.getRequestURI(), e.getMessage());
        return Problems.of(HttpStatus.UNAUTHORIZED, "webhook-signature", "The webhook could not be verified",
                e.getMessage(), request.getRequestURI());
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e, HttpServletRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, e.type(), "Conflict", e.getMessage(), request.getRequestURI());
        e.properties().forEach(problem::setProperty);
        return problem;
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalidInput(InvalidInputException e, HttpServletRequest request) {
        return validationProblem(e.problems().stream().map(p -> new FieldError(p.field(), p.message())).toList(),
                request.getRequestURI());
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail constraintViolation(ConstraintViolationException e, HttpServletRequest request) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return validationProblem(errors, request.getRequestURI());
    }

    @ExceptionHandler(IdempotencyKeys.IdempotencyKeyReusedException.class)
    ProblemDetail idempotencyKeyReused(IdempotencyKeys.IdempotencyKeyReusedException e, HttpServletRequest request) {
        return Problems.of(HttpStatusCode.valueOf(422), "idempotency-key-reused", "Idempotency-Key reused", e.getMessage(),
                request.getRequestURI());
    }

    @ExceptionHandler(PreconditionFailedException.class)
    ResponseEntity<ProblemDetail> preconditionFailed(PreconditionFailedException e, HttpServletRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.PRECONDITION_FAILED, "precondition-failed", "Precondition failed",
                e.getMessage(), request.getRequestURI());
        return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED).eTag(ETags.of(e.currentVersion())).body(problem);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ProblemDetail concurrentUpdate(OptimisticLockingFailureException e, HttpServletRequest request) {
        return Problems.of(HttpStatus.CONFLICT, "concurrent-update", "Concurrent update",
                "Someone else changed this resource at the same moment; reload it and try again", request.getRequestURI());
    }

    /**
     * A unique key refused a row another request saved a moment earlier (two first saves of the same settings, the
     * same link added twice at once): a conflict to retry, not a server error. Logged, in case it is a bug instead.
     */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail dataIntegrity(DataIntegrityViolationException e, HttpServletRequest request) {
        log.warn("Integrity violation on {} {}", request.getMethod(), request.getRequestURI(), e);
        return Problems.of(HttpStatus.CONFLICT, "concurrent-update", "Concurrent update",
                "This clashes with something saved at the same moment; reload and try again", request.getRequestURI());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail accessDenied(AccessDeniedException e, HttpServletRequest request) {
        return Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                "Your role in this workspace does not allow this action", request.getRequestURI());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        if (DisconnectedClientHelper.isClientDisconnectedException(e)) {
            // a viewer who seeks in a video or closes the tab ends a download midway: nothing went wrong on our side,
            // and no one is there to read an answer
            return null;
        }
        if (DatabaseUnavailable.causes(e)) {
            log.warn("No database connection for {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER)
                    .body(DatabaseUnavailable.problem(request.getRequestURI()));
        }
        log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return ResponseEntity.internalServerError().body(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "server-error",
                "Internal server error", "Something went wrong on our side. Quote the request id when you report it.",
                request.getRequestURI()));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = ex.getBindingResult().getAllErrors().stream()
                .map(error -> new FieldError(error instanceof org.springframework.validation.FieldError fe
                        ? fe.getField() : error.getObjectName(), error.getDefaultMessage()))
                .toList();
        return ResponseEntity.badRequest().body(validationProblem(errors, path(request)));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldError(parameterName(result), error.getDefaultMessage())))
                .toList();
        return ResponseEntity.badRequest().body(validationProblem(errors, path(request)));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String detail = "The request body is not valid JSON";
        List<FieldError> errors = List.of();
        if (ex.getCause() instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            String field = databind.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("body");
            // well-formed JSON that RequestJson refuses while reading: an invalid field like any other
            if (databind instanceof RequestJson.TextTooLong) {
                return ResponseEntity.badRequest().body(validationProblem(List.of(new FieldError(field, databind.getOriginalMessage())), path(request)));
            }
            if (databind instanceof InvalidNullException) {
                return ResponseEntity.badRequest().body(validationProblem(List.of(new FieldError(field, "must not be null")), path(request)));
            }
            detail = "The request body has a value of the wrong type";
            String message = databind instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
                    ? IsoDateTimes.messageFor(mismatch.getTargetType()) : null;
            errors = List.of(new FieldError(field, message != null ? message : "has a value of the wrong type"));
        } else if (ex.getCause() == null) {
            detail = "The request body is missing";
        }
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request", detail, path(request));
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return ResponseEntity.badRequest().body(problem);
    }

    /** Standard Spring MVC errors (405, 415, missing parameter, type mismatch...) get our type, title and instance. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail detail && detail.getType() != null
                && detail.getType().toString().startsWith(Problems.TYPE_BASE)) {
            return super.handleExceptionInternal(ex, body, headers, statusCode, request);
        }
        String detailText = body instanceof ProblemDetail detail ? detail.getDetail() : ex.getMessage();
        ProblemDetail problem = Problems.of(statusCode, Problems.typeFor(statusCode.value()),
                HttpStatus.valueOf(statusCode.value()).getReasonPhrase(), detailText, path(request));
        return super.handleExceptionInternal(ex, problem, headers, statusCode, request);
    }

    static ProblemDetail validationProblem(List<FieldError> errors, String instance) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
                "The request has " + errors.size() + (errors.size() == 1 ? " invalid field" : " invalid fields"), instance);
        problem.setProperty("errors", errors);
        return problem;
    }

    private static String parameterName(ParameterValidationResult result) {
        String name = result.getMethodParameter().getParameterName();
        return name != null ? name : "parameter";
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    private static String path(WebRequest request) {
        return request instanceof ServletWebRequest servlet ? servlet.getRequest().getRequestURI() : null;
    }
}

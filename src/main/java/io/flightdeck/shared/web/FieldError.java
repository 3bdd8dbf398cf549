package io.flightdeck.shared.web;

/** One entry of the {@code errors} list in a validation problem. */
public record FieldError(String field, String message) {
}

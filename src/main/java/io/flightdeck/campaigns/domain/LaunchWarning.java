package io.flightdeck.campaigns.domain;

/**
 * Something a launch must confirm it knows about: it is early ({@code launch.before-start}), or the plan ends after
 * the campaign's end date (any readiness item that warns at launch, by its key).
 */
public record LaunchWarning(String key, String message) {

    /** The key of the warning that the launch comes before the start date. */
    public static final String BEFORE_START = "launch.before-start";
}

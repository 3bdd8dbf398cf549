package io.flightdeck.planning;

/** Backward plans end on the campaign's end date (a deadline); forward plans start on its start date. */
public enum TimelineDirection {
    FORWARD, BACKWARD
}

package io.flightdeck.analytics;

/**
 * The period a fact covers. An hour is an instant's hour in UTC; a day is a calendar date as its source reported it
 * (an ad platform's day in the account's zone), stored as that date's midnight in UTC.
 */
public enum Granularity {
    HOUR,
    DAY
}

package io.flightdeck.analytics.budget;

/**
 * Where spend stands against the plan: within ±10 % of what the plan had spent by today is on plan. The first three
 * say why there is no comparison: something the campaign lacks, or a start still to come.
 */
enum PacingState {
    NO_BUDGET,
    NO_DATES,
    NOT_STARTED,
    ON_PLAN,
    AHEAD,
    BEHIND
}

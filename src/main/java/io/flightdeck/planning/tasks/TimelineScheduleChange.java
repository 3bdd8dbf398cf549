package io.flightdeck.planning.tasks;

import java.time.LocalDate;

/**
 * A change to one task's place in the plan: when {@code startGiven}, {@code start} pins the earliest day it may start
 * (null removes the pin); a non-null {@code durationDays} changes its length in working days.
 */
public record TimelineScheduleChange(boolean startGiven, LocalDate start, Integer durationDays) {
}

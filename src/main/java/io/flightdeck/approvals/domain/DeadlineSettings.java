package io.flightdeck.approvals.domain;

/** Hours an approval stage may wait before it is overdue, per urgency. */
public record DeadlineSettings(int urgentHours, int highHours, int normalHours, int lowHours) {
}

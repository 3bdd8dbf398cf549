package io.flightdeck.guidance.recommendations;

/** How much work acting on a recommendation takes; between otherwise equal recommendations the lighter comes first. */
enum Effort {
    LOW, MEDIUM, HIGH
}

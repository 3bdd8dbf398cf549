package io.flightdeck.publishing.posts;

/** How a post's time was chosen: by a person, or as the channel's next best time. */
enum PlannedBy {
    PERSON, BEST_TIME
}

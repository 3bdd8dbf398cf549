package io.flightdeck.publishing.posts;

/**
 * Where a post stands on one channel. Scheduled → publishing → published | failed | cancelled | in doubt, and missed
 * for a post whose time passed while nothing could send it. Failed, in doubt and missed wait for a person.
 */
enum ChannelPostStatus {
    SCHEDULED("Scheduled"), PUBLISHING("Publishing"), PUBLISHED("Published"), FAILED("Failed"),
    CANCELLED("Cancelled"), IN_DOUBT("In doubt"), MISSED("Missed");

    private final String label;

    ChannelPostStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean needsPerson() {
        return this == FAILED || this == IN_DOUBT || this == MISSED;
    }

    public boolean isFinal() {
        return this == PUBLISHED || this == CANCELLED;
    }
}

package io.flightdeck.publishing.posts;

import java.util.Collection;

/**
 * A post's status across its channels, read from theirs: one network failing never marks the others failed, so a post
 * some of whose channels published and others did not is partly published.
 */
public enum PostStatus {
    SCHEDULED("Scheduled"), WAITING("Waiting"), PUBLISHING("Publishing"), PUBLISHED("Published"),
    PARTLY_PUBLISHED("Partly published"), NEEDS_ATTENTION("Needs attention"), CANCELLED("Cancelled");

    private final String label;

    PostStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** @param waiting whether a scheduled channel post is held by blockers */
    static PostStatus of(Collection<ChannelPostStatus> channels, boolean waiting) {
        long live = channels.stream().filter(s -> s != ChannelPostStatus.CANCELLED).count();
        if (live == 0) {
            return CANCELLED;
        }
        long published = channels.stream().filter(s -> s == ChannelPostStatus.PUBLISHED).count();
        boolean needsPerson = channels.stream().anyMatch(ChannelPostStatus::needsPerson);
        if (published == live) {
            return PUBLISHED;
        }
        if (channels.contains(ChannelPostStatus.PUBLISHING)) {
            return PUBLISHING;
        }
        if (published > 0 && needsPerson) {
            return PARTLY_PUBLISHED;
        }
        if (needsPerson) {
            return NEEDS_ATTENTION;
        }
        if (published > 0) {
            // the rest are still scheduled
            return PARTLY_PUBLISHED;
        }
        return waiting ? WAITING : SCHEDULED;
    }
}

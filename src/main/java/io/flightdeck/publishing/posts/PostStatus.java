package io.flightdeck.publishing.posts;

import java.util.Collection;

/**
 * A post's status across its channels, read from theirs: one network failing never marks the others failed, so a post
 * some of whose channels published and another failed is partly published (something needs a person), while one
 * whose other channels are simply still to come is partly out ("1 of 2 out").
 */
public enum PostStatus {
    SCHEDULED("Scheduled"), WAITING("Waiting"), PUBLISHING("Publishing"), PUBLISHED("Published"),
    PARTLY_OUT("Partly out"), PARTLY_PUBLISHED("Partly published"), NEEDS_ATTENTION("Needs attention"),
    CANCELLED("Cancelled");

    private final String label;

    PostStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The label people read: "1 of 2 out" for a post partly out, the status's own otherwise. */
    String label(Collection<ChannelPostStatus> channels) {
        if (this != PARTLY_OUT) {
            return label;
        }
        long live = channels.stream().filter(s -> s != ChannelPostStatus.CANCELLED).count();
        long published = channels.stream().filter(s -> s == ChannelPostStatus.PUBLISHED).count();
        return published + " of " + live + " out";
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
            // the rest are still scheduled: nothing failed
            return PARTLY_OUT;
        }
        return waiting ? WAITING : SCHEDULED;
    }
}

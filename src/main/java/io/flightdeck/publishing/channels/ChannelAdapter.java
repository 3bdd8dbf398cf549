package io.flightdeck.publishing.channels;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import io.flightdeck.campaigns.Channel;

/**
 * One social network (the sandbox, X, LinkedIn, and later Facebook Pages, Instagram Business, TikTok): a bean of this
 * type and its HTTP fake are all a new network needs. Accounts name their adapter by {@link #network()}.
 * <p>
 * The scheduler calls {@link #publish} once per attempt, outside any transaction, with the attempt's idempotency key.
 * When it cannot know whether an attempt arrived (the application stopped mid-call, or the call timed out) it asks
 * {@link #lookup} before anything is sent again: {@code FOUND} records the post, {@code NOT_FOUND} sends it again,
 * {@code UNKNOWN} shows it to a person as in doubt. A failure is a {@link ChannelException} that says whether trying
 * again could help.
 */
public interface ChannelAdapter {

    /** The name accounts use ({@code sandbox}, {@code x}, {@code linkedin}): lower case, stable, stored. */
    String network();

    /** A label for people. */
    String displayName();

    /** The campaign channels an account of this network can post as (the sandbox stands in for any of them). */
    Set<Channel> channels();

    /** How long one publish call may take; a post in "publishing" for longer is checked with {@link #lookup}. */
    default Duration timeout() {
        return Duration.ofSeconds(60);
    }

    /** Whether the adapter is configured here (a network without its client id is listed but cannot connect). */
    default boolean available() {
        return true;
    }

    /** Posts the text, media and first comment; answers where the post now is. */
    PublishedPost publish(ChannelConnection account, OutgoingPost post);

    /** Whether a post sent with this attempt's key (or, without keys, this text since {@code since}) is on the network. */
    Lookup lookup(ChannelConnection account, OutgoingPost post, Instant since);

    /** The post's numbers so far. */
    PostMetrics metrics(ChannelConnection account, String externalId);

    /** Whether {@link #metrics} makes its numbers up (the sandbox) rather than asking a network that measured them. */
    default boolean simulatesNumbers() {
        return false;
    }

    /** What {@link #lookup} found. */
    record Lookup(Found found, PublishedPost post) {

        public enum Found { FOUND, NOT_FOUND, UNKNOWN }

        public static Lookup found(PublishedPost post) {
            return new Lookup(Found.FOUND, post);
        }

        public static Lookup notFound() {
            return new Lookup(Found.NOT_FOUND, null);
        }

        public static Lookup unknown() {
            return new Lookup(Found.UNKNOWN, null);
        }
    }
}

package io.flightdeck.publishing.channels;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
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

    /**
     * What stops this post from going out on this network as it is (a PNG where JPEG is required, a video too long for
     * a Reel, no audio stream where one is required), each a sentence with the fix in words; empty when nothing does.
     * Checked from the measured facts before launch and before any upload or container is made, and again by
     * {@link #publish}, which refuses such a post without calling the network.
     */
    default List<String> preflight(OutgoingPost post) {
        return List.of();
    }

    /** The choices this network offers for a post from this account (formats, privacy); empty for none. */
    default List<PostOption> postOptions(ChannelConnection account) {
        return List.of();
    }

    /**
     * The account's publishing limits as the network reports them now, for the check of a campaign's week.
     *
     * @throws ChannelException when the network cannot be asked
     */
    default PostingLimits limits(ChannelConnection account) {
        return PostingLimits.NONE;
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

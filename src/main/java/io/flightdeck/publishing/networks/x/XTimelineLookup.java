package io.flightdeck.publishing.networks.x;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;

import io.flightdeck.publishing.channels.ChannelAdapter.Lookup;
import io.flightdeck.publishing.channels.ChannelConnection;
import io.flightdeck.publishing.channels.ChannelException;
import io.flightdeck.publishing.channels.ChannelException.Kind;
import io.flightdeck.publishing.channels.OutgoingPost;
import io.flightdeck.publishing.channels.PublishedPost;

/**
 * Whether an interrupted attempt's post is on X. X takes no idempotency key, so the account's own posts are read for
 * the window in which the attempt could have created the post, and matched by their text ({@link XTimelineMatch}).
 * <p>
 * <b>The window.</b> X creates the post while it answers {@code POST /2/tweets}, and {@link XChannel#publish} sends that
 * call no later than {@link #createBy} (a publish that got there later stops, with nothing posted, and is tried again).
 * So the post was created between the attempt's start and {@code createBy} plus that call's own timeout; both ends are
 * widened by {@code lookupMargin} for the difference between X's clock and ours and for X finishing a create whose
 * answer we stopped waiting for. The end is derived, not recorded: after a kill nothing could record when the call
 * ended, and the derived end holds in every case, so a recorded end would only narrow a window that is already minutes
 * long, at the cost of a column and a write per attempt. Reading only this window, rather than everything since the
 * attempt, is what keeps a busy account (hundreds of posts after the attempt) from pushing the attempt out of reach.
 * <p>
 * <b>X's parameters</b> ({@code GET /2/users/{id}/tweets}, X API v2 reference at
 * docs.x.com/x-api/posts/user-posts-timeline-by-user-id, same words in X's generated SDK github.com/xdevplatform/xdk):
 * {@code start_time} "YYYY-MM-DDTHH:mm:ssZ. The earliest UTC timestamp from which the Posts will be provided",
 * {@code end_time} "YYYY-MM-DDTHH:mm:ssZ. The latest UTC timestamp to which the Posts will be provided", {@code since_id}
 * and {@code until_id} take precedence over them, {@code max_results} 5–100, {@code meta.next_token} comes back as
 * {@code pagination_token}, and the timeline reaches the 3,200 most recent posts (docs.x.com/x-api/posts/timelines).
 * The older developer.twitter.com reference called both times "second granularity and inclusive"; X's search
 * endpoints call {@code end_time} exclusive. So the start is rounded down and the end up to the second, which covers
 * the window under either reading. An attempt has no post id, so {@code since_id}/{@code until_id} are not sent.
 */
final class XTimelineLookup {

    /**
     * Pages of up to 100 posts read for one window. The window is a few minutes long (about ten with media), so this
     * is room for a burst of 1,000 posts around the attempt; a window holding more is left to a person.
     */
    static final int PAGES = 10;
    private static final String FIELDS = "created_at,text,note_tweet,entities,referenced_tweets";
    /**
     * How long the timeline's reach (the 3,200 most recent posts) surely covers: X lets an account post at most 2,400
     * times a day, reposts included (help.x.com/en/rules-and-policies/x-limits). An older window may have slipped out of
     * reach on a busy account, so its "not there" is only trusted when a post from before it is still in reach.
     */
    static final Duration SURELY_IN_REACH = Duration.ofDays(1);

    private final XProperties properties;
    private final XApi api;
    private final Clock clock;

    XTimelineLookup(XProperties properties, XApi api, Clock clock) {
        this.properties = properties;
        this.api = api;
        this.clock = clock;
    }

    /**
     * The latest moment an attempt that began at {@code start} may send X's create call: a text-only post at once
     * (within one call's limit, which covers renewing the token first), a post with media once its files are uploaded
     * and processed, within {@code createWithin}.
     */
    static Instant createBy(Instant start, OutgoingPost post, XProperties properties) {
        return start.plus(post.media().isEmpty() ? properties.timeout() : properties.createWithin());
    }

    /** The window asked of X, whole seconds: the start inclusive, the end (exclusive) rounded up. */
    record Window(Instant from, Instant to) {

        static Window of(Instant start, OutgoingPost post, XProperties properties) {
            Instant latest = createBy(start, post, properties).plus(properties.timeout()).plus(properties.lookupMargin());
            Instant to = latest.truncatedTo(ChronoUnit.SECONDS);
            return new Window(start.minus(properties.lookupMargin()).truncatedTo(ChronoUnit.SECONDS),
                    to.equals(latest) ? to : to.plusSeconds(1));
        }
    }

    Lookup lookup(ChannelConnection account, OutgoingPost post, Instant since, String token,
            Function<String, String> url) {
        Instant now = clock.instant();
        Window window = Window.of(since, post, properties);
        // until the window has closed X is asked up to now (an end_time in the future is not asked for), and an
        // empty answer only means "not yet"
        boolean closed = !now.isBefore(window.to());
        String query = "/2/users/" + encode(account.externalId()) + "/tweets?start_time=" + encode(window.from().toString())
                + (closed ? "&end_time=" + encode(window.to().toString()) : "") + "&max_results=100&tweet.fields="
                + encode(FIELDS);
        XTimelineMatch match = new XTimelineMatch(post);
        String next = null;
        for (int page = 0; page < PAGES; page++) {
            XPost.Page answer = page(query + (next == null ? "" : "&pagination_token=" + encode(next)), token);
            answer.data().forEach(match::consider);
            next = answer.nextToken();
            if (next == null) {
                break;
            }
        }
        return switch (match.result()) {
            case ONE -> Lookup.found(new PublishedPost(match.postId(), url.apply(match.postId()), match.commentId()));
            case AMBIGUOUS -> Lookup.unknown();
            case NONE -> {
                if (next != null) {
                    yield Lookup.unknown(); // more posts in the window than were read: X could still hold it
                }
                if (!closed) {
                    // the attempt could still have created it, or X's timeline not show it yet: ask again, never resend
                    throw new ChannelException(Kind.RETRYABLE, "lookup-too-early", "X's timeline may not show the "
                            + "post yet; it will be asked again.", Duration.between(now, window.to()), null);
                }
                if (now.isAfter(window.to().plus(SURELY_IN_REACH)) && !inReach(account, window, token)) {
                    yield Lookup.unknown(); // the window may be older than the 3,200 posts X still gives
                }
                yield Lookup.notFound();
            }
        };
    }

    /** Whether X still gives a post from before the window: its reach is the most recent posts, so it covers the window. */
    private boolean inReach(ChannelConnection account, Window window, String token) {
        return !page("/2/users/" + encode(account.externalId()) + "/tweets?end_time=" + encode(window.from().toString())
                + "&max_results=5", token).data().isEmpty();
    }

    private XPost.Page page(String pathAndQuery, String token) {
        XPost.Page page = api.get(pathAndQuery, token, XPost.Page.class);
        return page == null ? new XPost.Page(null, null) : page;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

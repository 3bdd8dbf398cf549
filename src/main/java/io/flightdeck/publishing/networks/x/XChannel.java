package io.flightdeck.publishing.networks.x;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.flightdeck.campaigns.Channel;
import io.flightdeck.publishing.channels.ChannelConnection;
import io.flightdeck.publishing.channels.ChannelException;
import io.flightdeck.publishing.channels.ChannelException.Kind;
import io.flightdeck.publishing.channels.NetworkAccount;
import io.flightdeck.publishing.channels.OAuthChannelAdapter;
import io.flightdeck.publishing.channels.OAuthClient;
import io.flightdeck.publishing.channels.OutgoingPost;
import io.flightdeck.publishing.channels.PostMetrics;
import io.flightdeck.publishing.channels.PublishedPost;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * X (Twitter) through its API v2 with an OAuth 2.0 user token: media by chunked upload, the post, then the first
 * comment as a reply. X takes no idempotency key, so an attempt cut off mid-call is looked for among the account's
 * own posts in the window where it could have created the post, by its text ({@link XTimelineLookup}).
 */
@Component
class XChannel implements OAuthChannelAdapter {

    static final String NETWORK = "x";
    static final List<String> SCOPES = List.of("tweet.read", "tweet.write", "users.read", "offline.access",
            "media.write");
    /** X gives the author's non-public numbers only for posts of the last 30 days. */
    private static final Duration PRIVATE_METRICS_AGE = Duration.ofDays(30);
    private static final long SNOWFLAKE_EPOCH_MILLIS = 1288834974657L;
    private static final Logger log = LoggerFactory.getLogger(XChannel.class);

    private final XProperties properties;
    private final XApi api;
    private final XMediaUpload media;
    private final XTimelineLookup timeline;
    private final Clock clock;

    @Autowired
    XChannel(XProperties properties, Clock clock) {
        this(properties, clock, pause -> Thread.sleep(pause.toMillis()));
    }

    XChannel(XProperties properties, Clock clock, XMediaUpload.Pause pause) {
        this.properties = properties;
        this.clock = clock;
        this.api = new XApi(properties, clock);
        this.media = new XMediaUpload(api, properties.mediaProcessingTimeout(), pause);
        this.timeline = new XTimelineLookup(properties, api, clock);
    }

    @Override
    public String network() {
        return NETWORK;
    }

    @Override
    public String displayName() {
        return "X";
    }

    @Override
    public Set<Channel> channels() {
        return Set.of(Channel.TWITTER);
    }

    /**
     * One call's limit plus the longest wait for a video to be processed. Not a hard ceiling: a large video is sent in
     * one call per 4 MB segment, each with the call's limit.
     */
    @Override
    public Duration timeout() {
        return properties.timeout().plus(properties.mediaProcessingTimeout());
    }

    @Override
    public boolean available() {
        return properties.configured();
    }

    @Override
    public OAuthClient oauth() {
        return new OAuthClient(properties.authorizeUrl(), properties.apiUrl().resolve("/2/oauth2/token"),
                properties.clientId(), properties.confidential() ? properties.clientSecret() : null, SCOPES, true,
                properties.confidential());
    }

    /** {@code GET /2/users/me}: the token's user, in {@code data}. */
    record Me(User data) {
    }

    record User(String id, String name, String username) {
    }

    @Override
    public List<NetworkAccount> accounts(String accessToken) {
        Me me = api.get("/2/users/me", accessToken, Me.class);
        User user = me == null || me.data() == null ? new User(null, null, null) : me.data();
        if (user.id() == null || user.id().isBlank()) {
            throw new ChannelException(Kind.RETRYABLE, "network-error", "X did not say whose token this is.");
        }
        String username = user.username() == null ? "" : user.username();
        return List.of(new NetworkAccount(user.id(), user.name() != null ? user.name() : username,
                username.isBlank() ? null : "@" + username, "user", Channel.TWITTER));
    }

    /** {@code POST /2/tweets}: the text, the media ids, and for a reply the post it answers. */
    record NewPost(String text, Attached media, Reply reply) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Attached(List<String> mediaIds) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Reply(String inReplyToTweetId) {
    }

    /** The created post, in {@code data}. */
    record Created(Data data) {

        record Data(String id) {
        }
    }

    @Override
    public PublishedPost publish(ChannelConnection account, OutgoingPost post) {
        Instant createBy = XTimelineLookup.createBy(post.attemptStartedAt() != null ? post.attemptStartedAt()
                : clock.instant(), post, properties);
        String token = token(account);
        boolean hasText = post.text() != null && !post.text().isBlank();
        if (!hasText && post.media().isEmpty()) {
            throw new ChannelException(Kind.REFUSED, "empty", "A post on X needs text or media.");
        }
        XMediaUpload.check(post.media());
        List<String> mediaIds = new ArrayList<>();
        for (OutgoingPost.Media m : post.media()) {
            mediaIds.add(media.upload(m, token));
        }
        if (clock.instant().isAfter(createBy)) {
            // past this moment the look-up of an interrupted attempt would not see the post: create nothing, try again
            throw new ChannelException(Kind.RETRYABLE, "too-slow", "The attempt took longer than "
                    + (post.media().isEmpty() ? "one call to X" : "flightdeck.publishing.x.create-within allows")
                    + " before the post could be created; nothing was posted, and it will be tried again.");
        }
        NewPost body = new NewPost(hasText ? post.text() : null, mediaIds.isEmpty() ? null : new Attached(mediaIds),
                null);
        String id = created(api.create("/2/tweets", token, body, Created.class));
        return new PublishedPost(id, url(account, id), firstComment(account, token, id, post.firstComment()));
    }

    /** The first comment is a reply to the post; the post is out either way, so its failure is only logged. */
    private String firstComment(ChannelConnection account, String token, String postId, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return created(api.create("/2/tweets", token, new NewPost(text, null, new Reply(postId)), Created.class));
        } catch (ChannelException e) {
            log.warn("{}: post {} is on X but its first comment is not ({}): {}", account, postId, e.kind(),
                    e.getMessage());
            return null;
        }
    }

    private static String created(Created answer) {
        String id = answer == null || answer.data() == null ? null : answer.data().id();
        if (id == null || id.isBlank()) {
            // a 2xx without an id: the post may well exist, so this is not a plain failure
            throw new ChannelException(Kind.UNKNOWN_OUTCOME, "network-error", "X answered without the post's id.");
        }
        return id;
    }

    /** Looks in the window where the attempt could have created the post ({@link XTimelineLookup}). */
    @Override
    public Lookup lookup(ChannelConnection account, OutgoingPost post, Instant since) {
        String token = token(account);
        if (since == null) {
            return Lookup.unknown(); // without the attempt's start there is no window to look in
        }
        return timeline.lookup(account, post, since, token, id -> url(account, id));
    }

    /**
     * Impressions, engagements (likes, reposts, replies, quotes, bookmarks) and link clicks. Link clicks are
     * non-public, which X gives the author for 30 days; an older post, or an answer refusing the field, falls back to
     * the public numbers.
     */
    @Override
    public PostMetrics metrics(ChannelConnection account, String externalId) {
        String token = token(account);
        XPost tweet = null;
        if (young(externalId)) {
            tweet = tweet(externalId, "public_metrics,non_public_metrics", token);
        }
        if (tweet == null) {
            tweet = tweet(externalId, "public_metrics", token);
        }
        if (tweet == null) {
            throw new ChannelException(Kind.REFUSED, "post-missing", "X no longer has post " + externalId
                    + " (deleted, or the account is private).");
        }
        XPost.PublicMetrics open = tweet.publicMetrics();
        XPost.NonPublicMetrics own = tweet.nonPublicMetrics();
        Long impressions = open == null ? null : open.impressionCount();
        if (impressions == null && own != null) {
            impressions = own.impressionCount();
        }
        return new PostMetrics(impressions, null, open == null ? null : open.engagements(),
                own == null ? null : own.urlLinkClicks());
    }

    /** The post, or null when X answered without it (a field it refuses for this post, or the post is gone). */
    private XPost tweet(String id, String fields, String token) {
        XPost.Answer answer = api.get("/2/tweets/" + encode(id) + "?tweet.fields=" + encode(fields), token,
                XPost.Answer.class);
        return answer == null ? null : answer.data();
    }

    /** Whether X still gives the post's non-public numbers, by the time in its id (ids are snowflakes). */
    private boolean young(String id) {
        try {
            Instant created = Instant.ofEpochMilli((Long.parseLong(id) >> 22) + SNOWFLAKE_EPOCH_MILLIS);
            return created.isAfter(clock.instant().minus(PRIVATE_METRICS_AGE).plus(Duration.ofHours(1)));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String url(ChannelConnection account, String id) {
        // without a handle X's handle-less address still leads to the post
        String name = account.handle() == null ? "" : account.handle().strip().replaceFirst("^@", "");
        return name.matches("\\w{1,15}") ? "https://x.com/" + name + "/status/" + id : "https://x.com/i/web/status/" + id;
    }

    private static String token(ChannelConnection account) {
        if (account.accessToken() == null || account.accessToken().isBlank()) {
            throw new ChannelException(Kind.UNAUTHORIZED, "token-missing", "The X account has no token: connect it again.");
        }
        return account.accessToken();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

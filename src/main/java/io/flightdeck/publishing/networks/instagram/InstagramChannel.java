package io.flightdeck.publishing.networks.instagram;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import io.flightdeck.publishing.channels.PostOption;
import io.flightdeck.publishing.channels.PostingLimits;
import io.flightdeck.publishing.channels.PublishedPost;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Instagram professional accounts (business and creator) through the Instagram API with Instagram Login: a container
 * is prepared and finished ({@link InstagramContainers}), recorded as the attempt's checkpoint, and then published
 * with {@code media_publish}, the one call that can duplicate a post and so is never repeated here. An interrupted
 * attempt asks its container ({@link InstagramLookup}). Tokens: the code's short-lived token (one hour) is traded for
 * a long-lived one (60 days), which is renewed before it lapses.
 */
@Component
class InstagramChannel implements OAuthChannelAdapter {

    static final String NETWORK = "instagram";
    static final List<String> SCOPES = List.of("instagram_business_basic", "instagram_business_content_publish",
            "instagram_business_manage_comments", "instagram_business_manage_insights");
    private static final Set<String> PROFESSIONAL = Set.of("BUSINESS", "MEDIA_CREATOR", "CREATOR");
    private static final Logger log = LoggerFactory.getLogger(InstagramChannel.class);

    private final InstagramProperties properties;
    private final InstagramApi api;
    private final InstagramContainers containers;
    private final InstagramLookup lookup;
    private final InstagramInsights insights;
    private final Clock clock;

    @Autowired
    InstagramChannel(InstagramProperties properties, Clock clock) {
        this(properties, clock, pause -> Thread.sleep(pause.toMillis()));
    }

    InstagramChannel(InstagramProperties properties, Clock clock, InstagramContainers.Pause pause) {
        this.properties = properties;
        this.clock = clock;
        this.api = new InstagramApi(properties, clock);
        this.containers = new InstagramContainers(api, properties, pause);
        this.lookup = new InstagramLookup(api, containers, properties, clock, timeout());
        this.insights = new InstagramInsights(api);
    }

    @Override
    public String network() {
        return NETWORK;
    }

    @Override
    public String displayName() {
        return "Instagram";
    }

    @Override
    public Set<Channel> channels() {
        return Set.of(Channel.INSTAGRAM);
    }

    /** Preparing containers and sending a video take longer than one call; this is the longest a publish can take. */
    @Override
    public Duration timeout() {
        return properties.timeout().multipliedBy(2).plus(properties.uploadTimeout()).plus(properties.containerWait());
    }

    @Override
    public boolean available() {
        return properties.configured();
    }

    @Override
    public OAuthClient oauth() {
        return new OAuthClient(properties.authorizeUrl().resolve("/oauth/authorize"),
                properties.apiUrl().resolve("/oauth/access_token"), properties.clientId(), properties.clientSecret(),
                SCOPES, false, false, "client_id", ",");
    }

    /** {@code GET /me}: the professional account the token speaks for. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Me(String id, String userId, String username, String name, String accountType) {
    }

    @Override
    public List<NetworkAccount> accounts(String accessToken) {
        Me me = api.get(api.graph("/me", accessToken, Map.of("fields", "user_id,username,name,account_type")),
                Me.class);
        String id = me == null ? null : me.userId() != null ? me.userId() : me.id();
        if (id == null || id.isBlank()) {
            throw new ChannelException(Kind.RETRYABLE, "network-error", "Instagram did not say whose token this is.");
        }
        // documented as Business or Media_Creator; the case is not to be relied on
        String type = me.accountType() == null ? "" : me.accountType().toUpperCase(java.util.Locale.ROOT);
        if (!PROFESSIONAL.contains(type)) {
            throw new ChannelException(Kind.REFUSED, "not-professional", "@" + me.username() + " is not a business "
                    + "or creator account, and Instagram lets only those publish through its API: switch it to a "
                    + "professional account in Instagram's settings, then connect it again.");
        }
        String username = me.username() == null ? "" : me.username();
        return List.of(new NetworkAccount(id, me.name() != null && !me.name().isBlank() ? me.name() : username,
                username.isBlank() ? null : "@" + username, type.equals("BUSINESS") ? "business" : "creator",
                Channel.INSTAGRAM));
    }

    /** {@code access_token} and {@code refresh_access_token} answer the token, its type and its seconds left. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record LongLived(String accessToken, String tokenType, Long expiresIn) {
    }

    /** {@code GET /access_token?grant_type=ig_exchange_token}: the hour-long token traded for one of 60 days. */
    @Override
    public KeptToken keep(KeptToken granted) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("grant_type", "ig_exchange_token");
        query.put("client_secret", properties.clientSecret());
        return kept(api.get(api.graphRoot("/access_token", granted.accessToken(), query), LongLived.class));
    }

    @Override
    public boolean renewsKeptTokens() {
        return true;
    }

    /**
     * {@code GET /refresh_access_token?grant_type=ig_refresh_token}: another 60 days. Instagram renews only a token
     * at least a day old that has not expired: an expired or revoked token (code 190) breaks the account, and any
     * other refusal (a token renewed less than a day ago) is tried again later rather than breaking it.
     */
    @Override
    public KeptToken renew(String accessToken) {
        try {
            return kept(api.get(api.graphRoot("/refresh_access_token", accessToken,
                    Map.of("grant_type", "ig_refresh_token")), LongLived.class));
        } catch (ChannelException e) {
            if (e.kind() == Kind.REFUSED) {
                throw new ChannelException(Kind.RETRYABLE, "renew-refused", "Instagram would not renew the token now "
                        + "(it renews tokens at least a day old); it will be asked again: " + e.getMessage(), null, e);
            }
            throw e;
        }
    }

    private KeptToken kept(LongLived answer) {
        if (answer == null || answer.accessToken() == null || answer.accessToken().isBlank()) {
            throw new ChannelException(Kind.RETRYABLE, "grant-unreadable", "Instagram answered without a token.");
        }
        Instant expiresAt = answer.expiresIn() == null ? null : clock.instant().plusSeconds(answer.expiresIn());
        return new KeptToken(answer.accessToken(), expiresAt);
    }

    record Published(String id) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Permalink(String id, String permalink) {
    }

    @Override
    public PublishedPost publish(ChannelConnection account, OutgoingPost post) {
        List<String> problems = preflight(post);
        if (!problems.isEmpty()) {
            throw new ChannelException(Kind.REFUSED, "preflight", String.join(" ", problems));
        }
        String token = token(account);
        InstagramFormat format = InstagramFormat.of(post);
        String container = containers.prepare(account.externalId(), post, format, token);
        post.checkpoint().record(container);
        // the step that can duplicate: a timeout here is an unknown outcome, answered by asking the container
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("creation_id", container);
        fields.put("access_token", token);
        Published published;
        try {
            published = api.publish(api.graph("/" + InstagramApi.encode(account.externalId()) + "/media_publish",
                    null, Map.of()), fields, Published.class);
        } catch (ChannelException e) {
            if (e.kind() == Kind.RETRYABLE && e.code().equals("network-error")) {
                // an outage while publishing may come after the post was made: ask the container, never resend blindly
                throw new ChannelException(Kind.UNKNOWN_OUTCOME, "network-error", e.getMessage(), null, e);
            }
            throw e;
        }
        if (published == null || published.id() == null || published.id().isBlank()) {
            throw new ChannelException(Kind.UNKNOWN_OUTCOME, "network-error",
                    "Instagram answered the publish without the post's id.");
        }
        String mediaId = published.id();
        String comment = format == InstagramFormat.STORY ? null : firstComment(account, token, mediaId,
                post.firstComment());
        return new PublishedPost(mediaId, permalink(account, mediaId, token), comment);
    }

    /** The post's address; it is published either way, so a failure here only leaves the address empty. */
    private String permalink(ChannelConnection account, String mediaId, String token) {
        try {
            Permalink answer = api.get(api.graph("/" + InstagramApi.encode(mediaId), token,
                    Map.of("fields", "id,permalink")), Permalink.class);
            return answer == null ? null : answer.permalink();
        } catch (ChannelException e) {
            log.warn("{}: post {} is on Instagram but its address could not be read: {}", account, mediaId,
                    e.getMessage());
            return null;
        }
    }

    /** {@code POST /{media}/comments}; the post is out either way, so its failure is only logged. */
    private String firstComment(ChannelConnection account, String token, String mediaId, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("message", text);
            fields.put("access_token", token);
            Published comment = api.publish(api.graph("/" + InstagramApi.encode(mediaId) + "/comments", null,
                    Map.of()), fields, Published.class);
            return comment == null ? null : comment.id();
        } catch (ChannelException e) {
            log.warn("{}: post {} is on Instagram but its first comment is not ({}): {}", account, mediaId, e.kind(),
                    e.getMessage());
            return null;
        }
    }

    @Override
    public Lookup lookup(ChannelConnection account, OutgoingPost post, Instant since) {
        return lookup.lookup(account, post, since, token(account));
    }

    @Override
    public PostMetrics metrics(ChannelConnection account, String externalId) {
        return insights.metrics(externalId, token(account));
    }

    @Override
    public PostingLimits limits(ChannelConnection account) {
        return insights.limits(account.externalId(), token(account));
    }

    @Override
    public List<String> preflight(OutgoingPost post) {
        return InstagramPreflight.check(post);
    }

    @Override
    public List<PostOption> postOptions(ChannelConnection account) {
        return List.of(new PostOption(PostOption.FORMAT, "Format", PostOption.Kind.CHOICE, List.of(
                new PostOption.Choice(InstagramFormat.FEED, "Feed post (an image, or a carousel of 2 to 10)"),
                new PostOption.Choice(InstagramFormat.REEL_CHOICE, "Reel (one video)"),
                new PostOption.Choice(InstagramFormat.STORY_CHOICE, "Story (one image or video, no caption)")),
                InstagramFormat.FEED, null, "A single video in the feed is published as a Reel."));
    }

    private static String token(ChannelConnection account) {
        if (account.accessToken() == null || account.accessToken().isBlank()) {
            throw new ChannelException(Kind.UNAUTHORIZED, "token-missing",
                    "The Instagram account has no token: connect it again.");
        }
        return account.accessToken();
    }
}

package io.flightdeck.publishing.networks.facebook;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Facebook Pages through Meta's Graph API. A person signs in with Facebook Login and picks Pages; each connected Page
 * keeps its own Page token, which (got with a long-lived user token) does not expire, so there is nothing to renew:
 * a Page token Meta stops accepting (password changed, role lost, app removed) breaks the account. Feed posts, photos
 * and videos ({@link FacebookPosts}, {@link FacebookVideos}) or a Reel when the post's format says so.
 */
@Component
class FacebookChannel implements OAuthChannelAdapter {

    static final String NETWORK = "facebook";
    /** Listing the person's Pages, reading and creating their posts, and reading the posts' numbers. */
    static final List<String> SCOPES = List.of("pages_show_list", "pages_read_engagement", "pages_manage_posts",
            "read_insights");
    static final String FEED = "feed";
    static final String REEL = "reel";
    /** Meta's Reels Publishing API page: 30 API-published Reels per Page in a moving 24 hours. */
    static final int REELS_PER_DAY = 30;

    private final FacebookProperties properties;
    private final FacebookApi api;
    private final FacebookPosts posts;
    private final FacebookVideos videos;
    private final Clock clock;

    @Autowired
    FacebookChannel(FacebookProperties properties, Clock clock) {
        this(properties, clock, pause -> Thread.sleep(pause.toMillis()));
    }

    FacebookChannel(FacebookProperties properties, Clock clock, FacebookVideos.Pause pause) {
        this.properties = properties;
        this.clock = clock;
        this.api = new FacebookApi(properties, clock);
        this.posts = new FacebookPosts(api, properties, clock);
        this.videos = new FacebookVideos(api, properties, clock, pause);
    }

    @Override
    public String network() {
        return NETWORK;
    }

    @Override
    public String displayName() {
        return "Facebook";
    }

    @Override
    public Set<Channel> channels() {
        return Set.of(Channel.FACEBOOK);
    }

    /** A call's limit plus the longest wait for Meta to take a Reel; a large video is one call per chunk. */
    @Override
    public Duration timeout() {
        return properties.timeout().plus(properties.processingTimeout());
    }

    @Override
    public boolean available() {
        return properties.configured();
    }

    /**
     * Facebook Login's dialog and code exchange: no PKCE in the web flow, the app id and secret as
     * {@code client_id} / {@code client_secret}, scopes joined by commas, and the exchange a GET, the only form Meta
     * documents for {@code oauth/access_token}.
     */
    @Override
    public OAuthClient oauth() {
        URI dialog = URI.create(properties.webUrl().toString().replaceAll("/+$", "") + "/" + properties.version()
                + "/dialog/oauth");
        return new OAuthClient(dialog, api.graph("/oauth/access_token"), properties.appId(), properties.appSecret(),
                SCOPES, false, false, "client_id", ",", true);
    }

    /** The code exchange's token lasts hours: traded for a long-lived one (about 60 days), whose Page tokens last. */
    @Override
    public KeptToken keep(KeptToken granted) {
        JsonNode answer = api.get(api.graph("/oauth/access_token?grant_type=fb_exchange_token&client_id="
                + FacebookApi.encode(properties.appId()) + "&client_secret=" + FacebookApi.encode(properties.appSecret())
                + "&fb_exchange_token=" + FacebookApi.encode(granted.accessToken())), null);
        String token = answer == null ? null : answer.path("access_token").asString(null);
        if (token == null || token.isBlank()) {
            throw new ChannelException(Kind.RETRYABLE, "grant-unreadable", "Facebook's long-lived token answer had "
                    + "no token.");
        }
        long seconds = answer.path("expires_in").asLong(-1);
        return new KeptToken(token, seconds < 0 ? null : clock.instant().plusSeconds(seconds));
    }

    @Override
    public boolean accountsHaveOwnTokens() {
        return true;
    }

    /**
     * The Pages the person may create content on ({@code CREATE_CONTENT} among their tasks), each with its Page
     * token. Asked with the long-lived user token, the Page tokens have no expiry (Meta's access-token guide).
     */
    @Override
    public List<NetworkAccount> accounts(String accessToken) {
        List<NetworkAccount> pages = new ArrayList<>();
        String after = null;
        for (int page = 0; page < 10; page++) {
            JsonNode answer = api.get(api.graph("/me/accounts?fields=id,name,access_token,tasks&limit=100"
                    + (after == null ? "" : "&after=" + FacebookApi.encode(after))), accessToken);
            if (answer == null) {
                break;
            }
            for (JsonNode p : answer.path("data")) {
                boolean creates = false;
                for (JsonNode task : p.path("tasks")) {
                    creates |= "CREATE_CONTENT".equals(task.asString(""));
                }
                String token = p.path("access_token").asString(null);
                if (creates && token != null) {
                    pages.add(new NetworkAccount(p.path("id").asString(), p.path("name").asString(p.path("id")
                            .asString()), null, "page", Channel.FACEBOOK, new KeptToken(token, null)));
                }
            }
            after = answer.path("paging").has("next") ? answer.path("paging").path("cursors").path("after")
                    .asString(null) : null;
            if (after == null) {
                break;
            }
        }
        return pages;
    }

    @Override
    public PublishedPost publish(ChannelConnection account, OutgoingPost post) {
        List<String> problems = FacebookPreflight.check(post);
        if (!problems.isEmpty()) {
            throw new ChannelException(Kind.REFUSED, "preflight", String.join(" ", problems));
        }
        String token = token(account);
        PublishedPost published = reel(post) ? videos.reel(account, token, post)
                : post.media().stream().anyMatch(OutgoingPost.Media::video) ? videos.video(account, token, post)
                : posts.publish(account, token, post);
        return new PublishedPost(published.externalId(), published.url(),
                posts.firstComment(account, token, published.externalId(), post.firstComment()));
    }

    /**
     * A video or Reel whose id was recorded is asked about by that id; a feed or photo post has no id before the
     * call that creates it, so the Page's posts since the attempt began are searched for its text.
     */
    @Override
    public Lookup lookup(ChannelConnection account, OutgoingPost post, Instant since) {
        String token = token(account);
        if (post.networkRef() != null) {
            return videos.lookup(account, token, post.networkRef(), reel(post));
        }
        if (reel(post) || post.media().stream().anyMatch(OutgoingPost.Media::video)) {
            return Lookup.notFound(); // nothing was recorded before the start call, so nothing can be on the Page
        }
        return posts.lookup(account, token, post, since);
    }

    @Override
    public PostMetrics metrics(ChannelConnection account, String externalId) {
        return FacebookInsights.of(api, token(account), externalId);
    }

    @Override
    public List<String> preflight(OutgoingPost post) {
        return FacebookPreflight.check(post);
    }

    @Override
    public List<PostOption> postOptions(ChannelConnection account) {
        return List.of(new PostOption(PostOption.FORMAT, "Format", PostOption.Kind.CHOICE, List.of(
                new PostOption.Choice(FEED, "Feed post"), new PostOption.Choice(REEL, "Reel")), FEED, null,
                "A Reel is one vertical video of 3 to 90 seconds; Meta allows 30 Reels a Page in 24 hours."));
    }

    /**
     * Meta reports no posting allowance for Pages; the one documented limit is 30 API-published Reels in a moving 24
     * hours (Reels Publishing API page), so the figure is Meta's published one and the count is read from the Page's
     * own Reels.
     */
    @Override
    public PostingLimits limits(ChannelConnection account) {
        int reels = videos.reelsSince(account, token(account), clock.instant().minus(Duration.ofDays(1)));
        List<String> blockers = reels >= REELS_PER_DAY ? List.of("This Page has published " + reels + " Reels through "
                + "the API in the last 24 hours, Meta's limit: schedule further Reels a day later.") : List.of();
        return new PostingLimits(null, reels, Map.of(REEL, REELS_PER_DAY), blockers);
    }

    static boolean reel(OutgoingPost post) {
        return REEL.equals(post.option(PostOption.FORMAT));
    }

    private static String token(ChannelConnection account) {
        if (account.accessToken() == null || account.accessToken().isBlank()) {
            throw new ChannelException(Kind.UNAUTHORIZED, "token-missing", "The Facebook Page has no token: connect "
                    + "it again.");
        }
        return account.accessToken();
    }
}

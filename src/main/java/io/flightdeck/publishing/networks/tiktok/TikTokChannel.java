package io.flightdeck.publishing.networks.tiktok;

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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * TikTok through Login Kit v2 and the Content Posting API: one video per post, straight to the creator's profile
 * (direct post) or as a draft in their TikTok inbox. The creator's settings are asked before every post, and the
 * attempt's {@code publish_id} is recorded before the upload, so an interrupted attempt is settled by asking TikTok
 * about exactly that ({@link TikTokUpload}). Access tokens last a day and are renewed with the refresh token by the
 * shared token code.
 */
@Component
class TikTokChannel implements OAuthChannelAdapter {

    static final String NETWORK = "tiktok";
    /** Who the token speaks for, posting directly and as drafts, and the post's numbers. */
    static final List<String> SCOPES = List.of("user.info.basic", "user.info.profile", "video.publish",
            "video.upload", "video.list");
    static final String CREATOR_INFO = "/v2/post/publish/creator_info/query/";
    /** A lookup of a post TikTok is still processing is asked again after this pause. */
    static final Duration ASK_AGAIN = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(TikTokChannel.class);

    private final TikTokProperties properties;
    private final TikTokApi api;
    private final TikTokUpload upload;

    @Autowired
    TikTokChannel(TikTokProperties properties, Clock clock) {
        this(properties, clock, pause -> Thread.sleep(pause.toMillis()));
    }

    TikTokChannel(TikTokProperties properties, Clock clock, TikTokUpload.Pause pause) {
        this.properties = properties;
        this.api = new TikTokApi(properties, clock, "TikTok", properties.timeout());
        this.upload = new TikTokUpload(api, new TikTokApi(properties, clock, "TikTok upload",
                properties.chunkTimeout()), properties, pause);
    }

    @Override
    public String network() {
        return NETWORK;
    }

    @Override
    public String displayName() {
        return "TikTok";
    }

    @Override
    public Set<Channel> channels() {
        return Set.of(Channel.TIKTOK);
    }

    /** Not a hard ceiling: each chunk has its own limit, and then the status is polled for up to publish-wait. */
    @Override
    public Duration timeout() {
        return properties.timeout().multipliedBy(2).plus(properties.chunkTimeout()).plus(properties.publishWait());
    }

    @Override
    public boolean available() {
        return properties.configured();
    }

    /** TikTok names the client id {@code client_key} and joins scopes with commas; its web flow takes no PKCE. */
    @Override
    public OAuthClient oauth() {
        return new OAuthClient(properties.authorizeUrl(), properties.apiUrl().resolve("/v2/oauth/token/"),
                properties.clientId(), properties.clientSecret(), SCOPES, false, false, "client_key", ",");
    }

    /** {@code GET /v2/user/info/}: the token's user, in {@code data.user}. */
    record UserAnswer(Data data, TikTokApi.Error error) {

        record Data(User user) {
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record User(String openId, String displayName, String username) {
    }

    @Override
    public List<NetworkAccount> accounts(String accessToken) {
        UserAnswer answer = api.get("/v2/user/info/?fields=open_id,display_name,username", accessToken,
                UserAnswer.class);
        TikTokApi.check(answer == null ? null : answer.error(), "the user info");
        User user = answer == null || answer.data() == null ? null : answer.data().user();
        if (user == null || user.openId() == null || user.openId().isBlank()) {
            throw new ChannelException(Kind.RETRYABLE, "network-error", "TikTok did not say whose token this is.");
        }
        String handle = user.username() == null || user.username().isBlank() ? null : "@" + user.username();
        String name = user.displayName() != null && !user.displayName().isBlank() ? user.displayName()
                : handle != null ? handle : "TikTok creator";
        return List.of(new NetworkAccount(user.openId(), name, handle, "creator", Channel.TIKTOK));
    }

    @Override
    public List<String> preflight(OutgoingPost post) {
        return TikTokPreflight.check(post, properties.audited());
    }

    @Override
    public PublishedPost publish(ChannelConnection account, OutgoingPost post) {
        String token = token(account);
        List<String> problems = new ArrayList<>(preflight(post));
        if (!problems.isEmpty()) {
            throw new ChannelException(Kind.REFUSED, "preflight", String.join(" ", problems));
        }
        if (post.firstComment() != null && !post.firstComment().isBlank()) {
            log.info("{}: TikTok's API cannot comment; the first comment of {} is left out", account,
                    post.channelPostId());
        }
        TikTokUpload.PostInfo info = null;
        if (!TikTokOptions.draft(post)) {
            // TikTok requires the creator's settings to be asked before every direct post
            TikTokCreator creator = creator(token);
            problems.addAll(TikTokPreflight.against(creator, post));
            if (!problems.isEmpty()) {
                throw new ChannelException(Kind.REFUSED, "creator-settings", String.join(" ", problems));
            }
            info = new TikTokUpload.PostInfo(post.text() == null ? "" : post.text(), post.option(PostOption.PRIVACY),
                    !TikTokOptions.on(post, TikTokOptions.COMMENTS), !TikTokOptions.on(post, TikTokOptions.DUETS),
                    !TikTokOptions.on(post, TikTokOptions.STITCHES),
                    TikTokOptions.on(post, TikTokOptions.BRANDED_CONTENT),
                    TikTokOptions.on(post, TikTokOptions.YOUR_BRAND));
        }
        TikTokUpload.Sent sent = upload.send(token, post, info);
        return published(account, sent.publishId(), sent.status());
    }

    /** The public post when TikTok names it; until then (a private post, a draft) the attempt's publish_id. */
    private PublishedPost published(ChannelConnection account, String publishId, TikTokUpload.Status status) {
        String id = status.publicId();
        if (id == null) {
            return new PublishedPost(publishId, null, null);
        }
        String name = account.handle() == null ? "" : account.handle().strip().replaceFirst("^@", "");
        String url = name.isEmpty() ? null : properties.webUrl().resolve("/@" + name + "/video/" + id).toString();
        return new PublishedPost(id, url, null);
    }

    /**
     * Asks TikTok about the recorded {@code publish_id}: published (or in the inbox, for a draft) is found; failed, or
     * an upload that stopped before its last byte, is not there and safe to send again; still processing is asked
     * again later, which the runner does for a retryable failure of the look-up.
     */
    @Override
    public Lookup lookup(ChannelConnection account, OutgoingPost post, Instant since) {
        String publishId = post.networkRef();
        if (publishId == null || publishId.isBlank()) {
            return Lookup.notFound(); // no init was recorded, so nothing was uploaded under it
        }
        TikTokUpload.Status status = upload.status(token(account), publishId);
        String state = status.status() == null ? "" : status.status();
        switch (state) {
            case "PUBLISH_COMPLETE", "SEND_TO_USER_INBOX" -> {
                return Lookup.found(published(account, publishId, status));
            }
            case "FAILED" -> {
                return Lookup.notFound();
            }
            default -> {
                long size = post.media().isEmpty() ? -1 : post.media().get(0).size();
                if ("PROCESSING_UPLOAD".equals(state) && size > 0 && status.uploadedBytes() != null
                        && status.uploadedBytes() < size) {
                    return Lookup.notFound(); // the upload stopped short: TikTok cannot publish a part of a video
                }
                throw new ChannelException(Kind.RETRYABLE, "still-processing", "TikTok is still processing "
                        + publishId + " (" + state + "); it is asked again later.", ASK_AGAIN, null);
            }
        }
    }

    @Override
    public PostMetrics metrics(ChannelConnection account, String externalId) {
        return new TikTokMetrics(api, upload).of(token(account), externalId);
    }

    @Override
    public List<PostOption> postOptions(ChannelConnection account) {
        return TikTokOptions.of(creator(token(account)), properties.audited());
    }

    /**
     * The creator's cap as configured (TikTok reports no usage), and an account that can post nothing at all. An
     * unaudited app and the creator's longest video are not account blockers: they stop only some posts (a public one,
     * a long one), which the post's own preflight and the check before each post say.
     */
    @Override
    public PostingLimits limits(ChannelConnection account) {
        TikTokCreator creator = creator(token(account));
        List<String> blockers = new ArrayList<>();
        if (creator.privacyLevelOptions().isEmpty()) {
            blockers.add(creator.name() + "'s TikTok account offers no privacy level to post with: check the account "
                    + "in the TikTok app.");
        }
        return new PostingLimits(properties.postsPerDay(), 0, Map.of(), blockers);
    }

    private TikTokCreator creator(String token) {
        TikTokCreator.Answer answer = api.post(CREATOR_INFO, token, null, TikTokCreator.Answer.class);
        TikTokApi.check(answer == null ? null : answer.error(), "the creator info");
        if (answer == null || answer.data() == null) {
            throw new ChannelException(Kind.RETRYABLE, "network-error", "TikTok answered without the creator's "
                    + "settings.");
        }
        return answer.data();
    }

    private static String token(ChannelConnection account) {
        if (account.accessToken() == null || account.accessToken().isBlank()) {
            throw new ChannelException(Kind.UNAUTHORIZED, "token-missing", "The TikTok account has no token: "
                    + "connect it again.");
        }
        return account.accessToken();
    }
}

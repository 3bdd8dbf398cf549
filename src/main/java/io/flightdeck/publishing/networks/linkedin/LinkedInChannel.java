package io.flightdeck.publishing.networks.linkedin;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import io.flightdeck.campaigns.Channel;
import io.flightdeck.publishing.channels.ChannelConnection;
import io.flightdeck.publishing.channels.ChannelException;
import io.flightdeck.publishing.channels.ChannelException.Kind;
import io.flightdeck.publishing.channels.NetworkAccount;
import io.flightdeck.publishing.channels.OAuthChannelAdapter;
import io.flightdeck.publishing.channels.OAuthClient;
import io.flightdeck.publishing.channels.OutgoingPost;
import io.flightdeck.publishing.channels.OutgoingPost.Media;
import io.flightdeck.publishing.channels.PostMetrics;
import io.flightdeck.publishing.channels.PublishedPost;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import static io.flightdeck.publishing.networks.linkedin.LinkedInAccounts.ORGANIZATION;
import static io.flightdeck.publishing.networks.linkedin.LinkedInAccounts.PERSON;
import static io.flightdeck.publishing.networks.linkedin.LinkedInApi.encode;

/**
 * LinkedIn through its versioned Community Management API: posts as a member or as a page (organization), with
 * images or a video, and a first comment. LinkedIn takes no idempotency key, so an interrupted attempt is looked up among the
 * author's newest posts by its text.
 */
@Component
class LinkedInChannel implements OAuthChannelAdapter {

    static final String NETWORK = "linkedin";
    static final List<String> SCOPES = List.of("openid", "profile", "w_member_social", "w_organization_social",
            "r_organization_social", "rw_organization_admin");
    /** The Posts API's limit on commentary. */
    static final int MAX_TEXT = 3000;
    /** A multi-image post takes 2 to 20 images. */
    static final int MAX_IMAGES = 20;
    /** What the Images API takes. */
    static final Set<String> IMAGE_TYPES = Set.of("image/jpeg", "image/jpg", "image/png", "image/gif");
    /** How long a publish waits for LinkedIn to process a video before the post may name it. */
    static final Duration VIDEO_WAIT = Duration.ofMinutes(3);
    private static final Logger log = LoggerFactory.getLogger(LinkedInChannel.class);

    private final LinkedInProperties properties;
    private final LinkedInApi api;
    private final LinkedInAccounts accounts;
    private final LinkedInImages images;
    private final LinkedInVideos videos;
    private final LinkedInLookup lookup;
    private final LinkedInMetrics metrics;

    @Autowired
    LinkedInChannel(LinkedInProperties properties, Clock clock) {
        this(properties, clock, Duration.ofSeconds(3), VIDEO_WAIT);
    }

    LinkedInChannel(LinkedInProperties properties, Clock clock, Duration videoPoll, Duration videoWait) {
        this.properties = properties;
        this.api = new LinkedInApi(properties, clock);
        this.accounts = new LinkedInAccounts(api);
        this.images = new LinkedInImages(api);
        this.videos = new LinkedInVideos(api, videoPoll, videoWait);
        this.lookup = new LinkedInLookup(api);
        this.metrics = new LinkedInMetrics(api);
    }

    @Override
    public String network() {
        return NETWORK;
    }

    @Override
    public String displayName() {
        return "LinkedIn";
    }

    @Override
    public Set<Channel> channels() {
        return Set.of(Channel.LINKEDIN);
    }

    /** A video's upload and LinkedIn's processing of it take minutes, not seconds. */
    @Override
    public Duration timeout() {
        return Duration.ofMinutes(10);
    }

    @Override
    public boolean available() {
        return present(properties.clientId()) && present(properties.clientSecret());
    }

    @Override
    public OAuthClient oauth() {
        String auth = properties.authUrl().toString().replaceAll("/+$", "");
        // LinkedIn's web flow takes no PKCE, and wants the client's id and secret in the token request's form
        return new OAuthClient(URI.create(auth + "/authorization"), URI.create(auth + "/accessToken"),
                properties.clientId(), properties.clientSecret(), SCOPES, false, false);
    }

    @Override
    public List<NetworkAccount> accounts(String accessToken) {
        return accounts.of(accessToken);
    }

    @Override
    public PublishedPost publish(ChannelConnection account, OutgoingPost post) {
        String author = author(account);
        String commentary = LittleText.commentary(post.text());
        List<Media> media = media(post);
        List<String> mediaUrns = beforeThePost(() -> media.stream().map(m -> video(m)
                ? videos.upload(account.accessToken(), author, m)
                : images.upload(account.accessToken(), author, m)).toList());
        ResponseEntity<Void> created = api.create("/rest/posts", account.accessToken(),
                LinkedInPost.of(author, commentary, mediaUrns), Void.class);
        String urn = created.getHeaders().getFirst("x-restli-id");
        if (urn == null || urn.isBlank()) {
            throw new ChannelException(Kind.UNKNOWN_OUTCOME, "post-unnamed", "LinkedIn accepted the post but did not "
                    + "say which it is.");
        }
        return new PublishedPost(urn, url(urn), firstComment(account, author, urn, post.firstComment()));
    }

    /** Looks among the author's newest posts ({@link LinkedInLookup}). */
    @Override
    public Lookup lookup(ChannelConnection account, OutgoingPost post, Instant since) {
        return lookup.lookup(author(account), account.accessToken(), LittleText.commentary(post.text()), since);
    }

    @Override
    public PostMetrics metrics(ChannelConnection account, String externalId) {
        String author = author(account);
        boolean ugcPost = externalId != null && externalId.startsWith("urn:li:ugcPost:");
        if (!ugcPost && (externalId == null || !externalId.startsWith("urn:li:share:"))) {
            throw new ChannelException(Kind.REFUSED, "not-a-linkedin-post", "“" + externalId + "” is not a LinkedIn "
                    + "post.");
        }
        return metrics.of(author, account.accessToken(), externalId, ugcPost);
    }

    /** The images or the video to attach, refused before anything is sent when LinkedIn could not take them. */
    private static List<Media> media(OutgoingPost post) {
        if (post.text() != null && post.text().length() > MAX_TEXT) {
            throw new ChannelException(Kind.REFUSED, "text-too-long", "LinkedIn takes at most " + MAX_TEXT
                    + " characters in a post; this one has " + post.text().length() + ".");
        }
        for (Media m : post.media()) {
            String type = m.mimeType() == null ? "" : m.mimeType();
            if (!video(m) && !IMAGE_TYPES.contains(type)) {
                throw new ChannelException(Kind.REFUSED, "media-unsupported", "LinkedIn posts take JPEG, PNG or GIF "
                        + "images, or one MP4 video; " + m.fileName() + " is "
                        + (type.isBlank() ? "of an unknown type" : type) + ".");
            }
        }
        long videos = post.media().stream().filter(LinkedInChannel::video).count();
        if (videos > 0 && post.media().size() > 1) {
            throw new ChannelException(Kind.REFUSED, "media-mixed", "A LinkedIn post carries either images or one "
                    + "video: split this one in two.");
        }
        if (post.media().size() > MAX_IMAGES) {
            throw new ChannelException(Kind.REFUSED, "too-many-images", "A LinkedIn post takes at most " + MAX_IMAGES
                    + " images; this one has " + post.media().size() + ".");
        }
        return post.media();
    }

    private static boolean video(Media media) {
        return "video/mp4".equals(media.mimeType());
    }

    /** The first comment, as the post's author; the post is out whatever happens here, so a failure only loses it. */
    private String firstComment(ChannelConnection account, String author, String postUrn, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        LinkedInPost.Comment comment = new LinkedInPost.Comment(author, postUrn, new LinkedInPost.Message(text));
        try {
            ResponseEntity<LinkedInPost.CommentCreated> created = api.create("/rest/socialActions/" + encode(postUrn)
                    + "/comments", account.accessToken(), comment, LinkedInPost.CommentCreated.class);
            String id = created.getBody() == null ? null : created.getBody().firstId();
            return id != null ? id : created.getHeaders().getFirst("x-restli-id");
        } catch (RuntimeException e) {
            log.warn("LinkedIn post {} is published, but its first comment could not be posted: {}", postUrn,
                    e.getMessage());
            return null;
        }
    }

    /** Steps before the post exists: an unanswered one created nothing that matters, so it is a plain retry. */
    private static <T> T beforeThePost(Supplier<T> step) {
        try {
            return step.get();
        } catch (ChannelException e) {
            if (e.kind() != Kind.UNKNOWN_OUTCOME) {
                throw e;
            }
            throw new ChannelException(Kind.RETRYABLE, e.code(), e.getMessage() + " Nothing was posted yet.", null, e);
        }
    }

    private static String author(ChannelConnection account) {
        String id = account.externalId();
        if (id == null || !(id.startsWith(PERSON) || id.startsWith(ORGANIZATION))) {
            throw new ChannelException(Kind.REFUSED, "not-a-linkedin-account", "The account “" + account.displayName()
                    + "” is not a LinkedIn member or page: connect it again.");
        }
        if (account.accessToken() == null || account.accessToken().isBlank()) {
            throw new ChannelException(Kind.UNAUTHORIZED, "token-missing", "The account “" + account.displayName()
                    + "” has no LinkedIn token: connect it again.");
        }
        return id;
    }

    static String url(String urn) {
        return "https://www.linkedin.com/feed/update/" + urn + "/";
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}

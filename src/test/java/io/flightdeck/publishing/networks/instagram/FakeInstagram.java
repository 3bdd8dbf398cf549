package io.flightdeck.publishing.networks.instagram;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A local Instagram (API with Instagram Login) written from Meta's documentation: Business Login for Instagram (the
 * code exchange at {@code api.instagram.com/oauth/access_token}, answered as documented inside {@code data[0]}), the
 * Access Token and Refresh Access Token references ({@code ig_exchange_token}, {@code ig_refresh_token}: a token at
 * least 24 hours old and unexpired), the IG User reference ({@code /me} with {@code user_id}, {@code username},
 * {@code name}, {@code account_type}), the Content Publishing guide (containers for {@code image_url}, carousels of
 * items made with {@code is_carousel_item}, {@code REELS} and {@code STORIES}, a video's {@code video_url} or
 * {@code upload_type=resumable} with the bytes sent to
 * {@code rupload.facebook.com/ig-api-upload/{version}/{container}} under {@code Authorization: OAuth},
 * {@code offset} and {@code file_size}; {@code media_publish}), the IG Container reference ({@code status_code}
 * {@code IN_PROGRESS}, {@code FINISHED}, {@code ERROR}, {@code EXPIRED}, {@code PUBLISHED}), IG User media and
 * stories, Instagram Media Insights ({@code views}, {@code reach}, {@code total_interactions}; {@code impressions}
 * retired), and IG User Content Publishing Limit. Errors are Graph errors: 190 for an expired or invalid token, 4 for
 * a rate limit, 9007 with subcode 2207027 for a container not ready, 9 with subcode 2207042 for the publishing limit,
 * and 2207005 for an image that is not JPEG (the error codes page).
 * <p>
 * Two answers are not documented and are this fake's choice: a second {@code media_publish} of a published container
 * is refused with code 100, and a renewal of a token less than a day old with code 100. A request off the documented
 * shape is answered 400 and recorded in {@link #violations}. All hosts (graph, api, rupload) are this one server.
 */
public class FakeInstagram extends Dispatcher {

    public static final String APP_ID = "990602627938098";
    public static final String APP_SECRET = "fake-instagram-app-secret";
    public static final String CODE = "AQBx-fake-authorization-code";
    public static final String REDIRECT = "https://flightdeck.example/channels/oauth/instagram/callback";
    public static final String SHORT_TOKEN = "IGAAshort-lived-token";
    public static final String TOKEN = "IGAAlong-lived-token";
    public static final String IG_USER = "17841405822304914";
    public static final String USERNAME = "acmecoffee";
    public static final String NAME = "Acme Coffee";
    public static final String VERSION = "v25.0";
    static final Duration LONG_LIVED = Duration.ofDays(60);

    public enum Route { CODE_EXCHANGE, LONG_LIVED, REFRESH, ME, CREATE, UPLOAD, STATUS, PUBLISH, MEDIA, COMMENT,
        MEDIA_LIST, STORIES, INSIGHTS, LIMIT }

    /** What a route answers instead of its work; SLOW does the work and answers late. */
    public enum Trouble { UNAVAILABLE, RATE_LIMITED, TOKEN_EXPIRED, SLOW }

    public record Token(String value, Instant issuedAt, Instant expiresAt) {
    }

    public static final class Container {
        public final String id;
        public final String mediaType;
        public final String imageUrl;
        public final String caption;
        public final List<String> children;
        public final boolean carouselItem;
        public final boolean resumable;
        public volatile byte[] bytes;
        public volatile String status = "IN_PROGRESS";
        public volatile int pollsLeft;
        public volatile String mediaId;

        Container(String id, String mediaType, String imageUrl, String caption, List<String> children,
                boolean carouselItem, boolean resumable, int pollsLeft) {
            this.id = id;
            this.mediaType = mediaType;
            this.imageUrl = imageUrl;
            this.caption = caption;
            this.children = children;
            this.carouselItem = carouselItem;
            this.resumable = resumable;
            this.pollsLeft = pollsLeft;
        }
    }

    public record Media(String id, String container, String mediaType, String caption, Instant timestamp,
            String permalink) {
    }

    public record Comment(String id, String mediaId, String message) {
    }

    public record Numbers(long views, long reach, long interactions) {
    }

    public final List<String> violations = new CopyOnWriteArrayList<>();
    public final Map<Route, Trouble> troubles = new ConcurrentHashMap<>();
    public final Map<Route, AtomicLong> calls = new ConcurrentHashMap<>();
    public final Map<String, Token> tokens = new ConcurrentHashMap<>();
    public final Map<String, Container> containers = new ConcurrentHashMap<>();
    public final List<Media> media = new CopyOnWriteArrayList<>();
    public final List<Comment> comments = new CopyOnWriteArrayList<>();
    public final Map<String, Numbers> numbers = new ConcurrentHashMap<>();
    /** Files on "the public server" Instagram fetches {@code image_url} from, by path. */
    public final Map<String, byte[]> hosted = new ConcurrentHashMap<>();
    /** How many status questions a new container stays IN_PROGRESS for. */
    public volatile int pollsBeforeFinished = 0;
    /** What a container becomes once it is done processing: FINISHED, or ERROR for a file Instagram cannot use. */
    public volatile String processingOutcome = "FINISHED";
    public volatile int quotaTotal = 100;
    public volatile boolean wrappedCodeAnswer = true;
    public volatile String accountType = "BUSINESS";
    public volatile Duration slowFor = Duration.ofSeconds(3);
    /**
     * When set, {@code media_publish} publishes and then waits for this latch before it answers (for the crash
     * harness: the post exists and the caller has no answer yet).
     */
    public volatile CountDownLatch hold;
    /** The redirect URI the code was given for (an application in another JVM has its own address). */
    public volatile String redirect = REDIRECT;
    private final JsonMapper json = JsonMapper.builder().build();
    private final AtomicLong sequence = new AtomicLong(17_900_000_000L);
    private final Clock clock;

    public FakeInstagram(Clock clock) {
        this.clock = clock;
        Instant now = clock.instant();
        tokens.put(TOKEN, new Token(TOKEN, now.minus(Duration.ofDays(10)), now.plus(Duration.ofDays(50))));
    }

    /** Starts a server on a fixed local port answered by this fake, for an application in another JVM. */
    public MockWebServer serve(int port) throws IOException {
        MockWebServer server = new MockWebServer();
        server.setDispatcher(this);
        server.start(InetAddress.getLoopbackAddress(), port);
        return server;
    }

    public long calls(Route route) {
        AtomicLong n = calls.get(route);
        return n == null ? 0 : n.get();
    }

    /** An image Instagram can fetch at {@code base + path}. */
    public void host(String path, byte[] bytes) {
        hosted.put(path, bytes);
    }

    public Container container(String id) {
        return containers.get(id);
    }

    public Media seed(String caption, Instant timestamp, String mediaType) {
        String id = String.valueOf(sequence.incrementAndGet());
        Media m = new Media(id, null, mediaType, caption, timestamp, "https://www.instagram.com/p/" + id + "/");
        media.add(m);
        return m;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        String method = request.getMethod();
        Map<String, String> params = params(request);
        try {
            if (method.equals("GET") && path.equals("/oauth/authorize")) {
                return authorize(params);
            }
            if (method.equals("POST") && path.equals("/oauth/access_token")) {
                return route(Route.CODE_EXCHANGE, () -> exchange(params));
            }
            if (method.equals("GET") && path.equals("/access_token")) {
                return route(Route.LONG_LIVED, () -> longLived(params));
            }
            if (method.equals("GET") && path.equals("/refresh_access_token")) {
                return route(Route.REFRESH, () -> refresh(params));
            }
            Matcher upload = Pattern.compile("/ig-api-upload/" + VERSION + "/(\\d+)").matcher(path);
            if (method.equals("POST") && upload.matches()) {
                return route(Route.UPLOAD, () -> upload(request, upload.group(1)));
            }
            if (!path.startsWith("/" + VERSION + "/")) {
                throw violated(method + " " + path + " is not a versioned Instagram endpoint");
            }
            String rest = path.substring(VERSION.length() + 1);
            String[] parts = rest.substring(1).split("/");
            if (method.equals("GET") && rest.equals("/me")) {
                return route(Route.ME, () -> me(params));
            }
            if (parts.length == 2 && parts[0].equals(IG_USER)) {
                switch (method + " " + parts[1]) {
                    case "POST media" -> {
                        return route(Route.CREATE, () -> create(params));
                    }
                    case "POST media_publish" -> {
                        return route(Route.PUBLISH, () -> publish(params));
                    }
                    case "GET media" -> {
                        return route(Route.MEDIA_LIST, () -> list(request, params, false));
                    }
                    case "GET stories" -> {
                        return route(Route.STORIES, () -> list(request, params, true));
                    }
                    case "GET content_publishing_limit" -> {
                        return route(Route.LIMIT, () -> limit(params));
                    }
                    default -> {
                    }
                }
            }
            if (parts.length == 2 && method.equals("POST") && parts[1].equals("comments")) {
                return route(Route.COMMENT, () -> comment(parts[0], params));
            }
            if (parts.length == 2 && method.equals("GET") && parts[1].equals("insights")) {
                return route(Route.INSIGHTS, () -> insights(parts[0], params));
            }
            if (parts.length == 1 && method.equals("GET") && containers.containsKey(parts[0])) {
                return route(Route.STATUS, () -> status(containers.get(parts[0]), params));
            }
            if (parts.length == 1 && method.equals("GET")) {
                return route(Route.MEDIA, () -> mediaNode(parts[0], params));
            }
            throw violated(method + " " + path + " is not an Instagram endpoint the adapter should call");
        } catch (Violation v) {
            return v.answer;
        }
    }

    // --- tokens ---

    /**
     * The authorization window of Business Login for Instagram: the app's id, the registered redirect, {@code
     * response_type=code} and comma-separated scopes; the person grants at once and is sent back with the code (Meta
     * appends {@code #_}) and the state.
     */
    private MockResponse authorize(Map<String, String> query) {
        String scope = query.get("scope");
        String state = query.get("state");
        if (!APP_ID.equals(query.get("client_id")) || !redirect.equals(query.get("redirect_uri"))
                || !"code".equals(query.get("response_type")) || state == null || state.length() < 16
                || scope == null || !Set.of(scope.split(",")).containsAll(InstagramChannel.SCOPES)) {
            throw violated("authorize: client_id, redirect_uri, response_type, state or scope off the documented "
                    + "shape: " + query);
        }
        return new MockResponse.Builder().code(302).addHeader("Location", redirect + "?code=" + CODE + "&state="
                + state + "#_").build();
    }

    private MockResponse exchange(Map<String, String> form) {
        expect(form, Set.of("client_id", "client_secret", "grant_type", "redirect_uri", "code"), "code exchange");
        if (!APP_ID.equals(form.get("client_id")) || !APP_SECRET.equals(form.get("client_secret"))
                || !"authorization_code".equals(form.get("grant_type"))) {
            throw violated("code exchange with client_id, client_secret or grant_type wrong: " + form);
        }
        if (!CODE.equals(form.get("code")) || !redirect.equals(form.get("redirect_uri"))) {
            return answer(400, json.createObjectNode().put("error_type", "OAuthException").put("code", 400)
                    .put("error_message", "Invalid authorization code"));
        }
        Instant now = clock.instant();
        tokens.put(SHORT_TOKEN, new Token(SHORT_TOKEN, now, now.plus(Duration.ofHours(1))));
        ObjectNode granted = json.createObjectNode().put("access_token", SHORT_TOKEN).put("user_id", IG_USER)
                .put("permissions", String.join(",", InstagramChannel.SCOPES));
        if (!wrappedCodeAnswer) {
            return answer(200, granted);
        }
        ObjectNode wrapped = json.createObjectNode();
        wrapped.putArray("data").add(granted);
        return answer(200, wrapped);
    }

    private MockResponse longLived(Map<String, String> query) {
        expect(query, Set.of("grant_type", "client_secret", "access_token"), "access_token");
        if (!"ig_exchange_token".equals(query.get("grant_type")) || !APP_SECRET.equals(query.get("client_secret"))) {
            throw violated("access_token needs grant_type=ig_exchange_token and the app secret: " + query.keySet());
        }
        token(query);
        return issue(TOKEN);
    }

    private MockResponse refresh(Map<String, String> query) {
        expect(query, Set.of("grant_type", "access_token"), "refresh_access_token");
        if (!"ig_refresh_token".equals(query.get("grant_type"))) {
            throw violated("refresh_access_token needs grant_type=ig_refresh_token");
        }
        Token old = token(query);
        if (old.issuedAt().isAfter(clock.instant().minus(Duration.ofHours(24)))) {
            return error(400, 100, null, "The access token can only be refreshed once it is at least 24 hours old.");
        }
        tokens.remove(old.value());
        return issue(TOKEN + "-renewed-" + sequence.incrementAndGet());
    }

    private MockResponse issue(String value) {
        Instant now = clock.instant();
        tokens.put(value, new Token(value, now, now.plus(LONG_LIVED)));
        return answer(200, json.createObjectNode().put("access_token", value).put("token_type", "bearer")
                .put("expires_in", LONG_LIVED.toSeconds()));
    }

    /** The request's token, or the documented 190 for a missing, unknown or expired one. */
    private Token token(Map<String, String> params) {
        String value = params.get("access_token");
        if (value == null) {
            throw violated("a call without access_token");
        }
        Token t = tokens.get(value);
        if (t == null) {
            throw new Violation(error(400, 190, null, "Invalid OAuth access token - Cannot parse access token"));
        }
        if (!clock.instant().isBefore(t.expiresAt())) {
            throw new Violation(error(400, 190, 463, "Error validating access token: Session has expired."));
        }
        return t;
    }

    private MockResponse me(Map<String, String> query) {
        token(query);
        fields(query, "user_id", "username", "name", "account_type");
        return answer(200, json.createObjectNode().put("id", "2736485711").put("user_id", IG_USER)
                .put("username", USERNAME).put("name", NAME).put("account_type", accountType));
    }

    // --- containers ---

    private MockResponse create(Map<String, String> form) {
        token(form);
        expect(form, Set.of("access_token", "image_url", "video_url", "media_type", "upload_type", "is_carousel_item",
                "caption", "children", "share_to_feed", "alt_text"), "media");
        String type = form.get("media_type");
        boolean item = "true".equals(form.get("is_carousel_item"));
        boolean resumable = "resumable".equals(form.get("upload_type"));
        if (item && form.containsKey("caption")) {
            throw violated("a carousel item takes no caption");
        }
        if ("STORIES".equals(type) && form.containsKey("caption")) {
            throw violated("a story takes no caption");
        }
        if ("CAROUSEL".equals(type)) {
            return carousel(form);
        }
        boolean video = "REELS".equals(type) || "VIDEO".equals(type) || "STORIES".equals(type)
                && (resumable || form.containsKey("video_url"));
        if (type != null && !Set.of("REELS", "VIDEO", "STORIES").contains(type)) {
            throw violated("media_type " + type + " is not one Instagram documents");
        }
        if ("VIDEO".equals(type) && !item) {
            throw violated("media_type VIDEO is only for carousel items; a single video is a REELS container");
        }
        byte[] fetched = null;
        if (video && (resumable == form.containsKey("video_url") || form.containsKey("image_url"))) {
            throw violated("a video container has either upload_type=resumable or a video_url: " + form);
        }
        if (video && !resumable) {
            fetched = hosted.get(pathOf(form.get("video_url")));
            if (fetched == null) {
                return error(400, 9004, 2207052, "Media download has failed. The media URI doesn't meet our "
                        + "requirements.");
            }
        }
        if (!video) {
            String url = form.get("image_url");
            if (url == null) {
                throw violated("an image container needs image_url");
            }
            byte[] bytes = hosted.get(pathOf(url));
            if (bytes == null) {
                return error(400, 9004, 2207052, "Media download has failed. The media URI doesn't meet our "
                        + "requirements.");
            }
            if (bytes.length < 3 || (bytes[0] & 0xff) != 0xFF || (bytes[1] & 0xff) != 0xD8) {
                return error(400, 9004, 2207005, "The image format is not supported. Only JPEG images are supported.");
            }
        }
        Container c = new Container(String.valueOf(sequence.incrementAndGet()), video ? type : "STORIES".equals(type)
                ? "STORIES" : "IMAGE", form.get("image_url"), form.get("caption"), List.of(), item, resumable,
                pollsBeforeFinished);
        c.bytes = fetched;
        containers.put(c.id, c);
        ObjectNode created = json.createObjectNode().put("id", c.id);
        if (resumable) {
            created.put("uri", "https://rupload.facebook.com/ig-api-upload/" + VERSION + "/" + c.id);
        }
        return answer(200, created);
    }

    private MockResponse carousel(Map<String, String> form) {
        List<String> children = form.get("children") == null ? List.of()
                : Arrays.stream(form.get("children").split(",")).map(String::strip).toList();
        if (children.size() < 2 || children.size() > 10) {
            return error(400, 100, null, "The carousel must have between 2 and 10 children.");
        }
        for (String child : children) {
            Container c = containers.get(child);
            if (c == null || !c.carouselItem) {
                throw violated("carousel child " + child + " is not a carousel item container");
            }
            if (!effectiveStatus(c).equals("FINISHED")) {
                return error(400, 9007, 2207027, "Media ID is not available: a carousel item is not finished.");
            }
        }
        Container c = new Container(String.valueOf(sequence.incrementAndGet()), "CAROUSEL_ALBUM", null,
                form.get("caption"), children, false, false, pollsBeforeFinished);
        containers.put(c.id, c);
        return answer(200, json.createObjectNode().put("id", c.id));
    }

    private MockResponse upload(RecordedRequest request, String id) {
        String authorization = request.getHeaders().get("Authorization");
        String token = authorization == null || !authorization.startsWith("OAuth ") ? null : authorization.substring(6);
        Map<String, String> asParams = new LinkedHashMap<>();
        if (token != null) {
            asParams.put("access_token", token);
        } else {
            throw violated("upload without Authorization: OAuth {token}");
        }
        token(asParams);
        Container c = containers.get(id);
        if (c == null || !c.resumable) {
            throw violated("upload to " + id + ", which is not a resumable container");
        }
        if (c.bytes != null) {
            throw violated("a second upload to " + id);
        }
        byte[] body = request.getBody() == null ? new byte[0] : request.getBody().toByteArray();
        if (!"0".equals(request.getHeaders().get("offset"))) {
            throw violated("upload without offset: 0");
        }
        if (!String.valueOf(body.length).equals(request.getHeaders().get("file_size"))) {
            throw violated("upload's file_size " + request.getHeaders().get("file_size") + " for " + body.length
                    + " bytes");
        }
        c.bytes = body;
        return answer(200, json.createObjectNode().put("success", true).put("message", "Upload successful."));
    }

    private String effectiveStatus(Container c) {
        if (c.status.equals("IN_PROGRESS") && (!c.resumable || c.bytes != null) && c.pollsLeft <= 0) {
            c.status = processingOutcome;
        }
        return c.status;
    }

    private MockResponse status(Container c, Map<String, String> query) {
        token(query);
        List<String> asked = fields(query, "status_code", "status", "id");
        if (!asked.contains("status_code")) {
            throw violated("a container's status is asked with fields=status_code");
        }
        String status;
        if (c.status.equals("IN_PROGRESS") && (!c.resumable || c.bytes != null) && c.pollsLeft > 0) {
            c.pollsLeft--; // this many answers stay IN_PROGRESS
            status = "IN_PROGRESS";
        } else {
            status = effectiveStatus(c);
        }
        ObjectNode answer = json.createObjectNode().put("status_code", status).put("id", c.id);
        answer.put("status", status.equals("ERROR") ? "Error: 2207026: unsupported video format" : status);
        return answer(200, answer);
    }

    // --- publishing ---

    private MockResponse publish(Map<String, String> form) {
        token(form);
        expect(form, Set.of("creation_id", "access_token"), "media_publish");
        Container c = containers.get(String.valueOf(form.get("creation_id")));
        if (c == null) {
            return error(400, 100, 33, "Unsupported post request. Object with ID '" + form.get("creation_id")
                    + "' does not exist");
        }
        if (c.carouselItem) {
            return error(400, 100, null, "A carousel item cannot be published on its own: publish the carousel.");
        }
        if (c.status.equals("PUBLISHED")) {
            return error(400, 100, null, "This container has already been published as " + c.mediaId + ".");
        }
        if (!effectiveStatus(c).equals("FINISHED")) {
            return error(400, 9007, 2207027, "Media ID is not available: the media is not ready for publishing, "
                    + "please wait for a moment.");
        }
        if (publishedInLastDay() >= quotaTotal) {
            return error(400, 9, 2207042, "Application request limit reached: the account has reached its "
                    + "publishing limit of " + quotaTotal + " posts in 24 hours.");
        }
        String id = String.valueOf(sequence.incrementAndGet());
        c.mediaId = id;
        c.status = "PUBLISHED";
        String type = c.mediaType.equals("REELS") ? "VIDEO" : c.mediaType;
        media.add(new Media(id, c.id, type, c.caption, clock.instant(), "https://www.instagram.com/p/IG" + id + "/"));
        CountDownLatch latch = hold;
        if (latch != null) {
            try {
                latch.await(10, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return answer(200, json.createObjectNode().put("id", id));
    }

    private long publishedInLastDay() {
        Instant from = clock.instant().minus(Duration.ofDays(1));
        return media.stream().filter(m -> m.container() != null && m.timestamp().isAfter(from)).count();
    }

    private Media media(String id) {
        return media.stream().filter(m -> m.id().equals(id)).findFirst().orElse(null);
    }

    private MockResponse mediaNode(String id, Map<String, String> query) {
        token(query);
        fields(query, "id", "permalink", "caption", "timestamp", "media_type");
        Media m = media(id);
        if (m == null) {
            return error(400, 100, 33, "Object with ID '" + id + "' does not exist");
        }
        return answer(200, item(m));
    }

    private MockResponse comment(String id, Map<String, String> form) {
        token(form);
        expect(form, Set.of("message", "access_token"), "comments");
        Media m = media(id);
        if (m == null || form.get("message") == null) {
            return error(400, 100, 33, "Object with ID '" + id + "' does not exist, or no message");
        }
        Comment c = new Comment(String.valueOf(sequence.incrementAndGet()), id, form.get("message"));
        comments.add(c);
        return answer(200, json.createObjectNode().put("id", c.id()));
    }

    private MockResponse list(RecordedRequest request, Map<String, String> query, boolean stories) {
        token(query);
        fields(query, "id", "caption", "timestamp", "permalink", "media_type");
        int limit = query.get("limit") == null ? 25 : Integer.parseInt(query.get("limit"));
        int after = query.get("after") == null ? 0 : Integer.parseInt(query.get("after"));
        List<Media> newestFirst = new ArrayList<>(media.stream().filter(m -> stories == m.mediaType().equals("STORIES"))
                .toList());
        newestFirst.sort((a, b) -> b.timestamp().compareTo(a.timestamp()));
        ObjectNode answer = json.createObjectNode();
        ArrayNode data = answer.putArray("data");
        newestFirst.stream().skip(after).limit(limit).forEach(m -> data.add(item(m)));
        if (after + limit < newestFirst.size()) {
            String next = request.getUrl().newBuilder().setQueryParameter("after", String.valueOf(after + limit))
                    .build().toString();
            answer.putObject("paging").put("next", next);
        }
        return answer(200, answer);
    }

    private ObjectNode item(Media m) {
        ObjectNode node = json.createObjectNode().put("id", m.id()).put("timestamp", m.timestamp()
                .atOffset(ZoneOffset.UTC).format(InstagramLookup.TIMESTAMP)).put("permalink", m.permalink());
        if (m.caption() != null) {
            node.put("caption", m.caption());
        }
        return node;
    }

    private MockResponse insights(String id, Map<String, String> query) {
        token(query);
        if (media(id) == null) {
            return error(400, 100, 33, "Object with ID '" + id + "' does not exist");
        }
        List<String> metrics = query.get("metric") == null ? List.of() : List.of(query.get("metric").split(","));
        ObjectNode answer = json.createObjectNode();
        ArrayNode data = answer.putArray("data");
        Numbers n = numbers.getOrDefault(id, new Numbers(0, 0, 0));
        for (String metric : metrics) {
            long value = switch (metric) {
                case "views" -> n.views();
                case "reach" -> n.reach();
                case "total_interactions" -> n.interactions();
                case "likes", "comments", "shares", "saved" -> 0;
                default -> -1;
            };
            if (value < 0) {
                return error(400, 100, 2108006, "(#100) metric[" + metric + "] is no longer supported or not valid "
                        + "for this media.");
            }
            ObjectNode m = data.addObject().put("name", metric).put("period", "lifetime");
            m.putArray("values").addObject().put("value", value);
        }
        return answer(200, answer);
    }

    private MockResponse limit(Map<String, String> query) {
        token(query);
        List<String> asked = fields(query, "quota_usage", "config", "rate_limit_settings");
        ObjectNode answer = json.createObjectNode();
        ObjectNode usage = answer.putArray("data").addObject().put("quota_usage", publishedInLastDay());
        if (asked.contains("config")) {
            usage.putObject("config").put("quota_total", quotaTotal).put("quota_duration", 86400);
        }
        return answer(200, answer);
    }

    // --- plumbing ---

    private MockResponse route(Route route, java.util.function.Supplier<MockResponse> work) {
        calls.computeIfAbsent(route, r -> new AtomicLong()).incrementAndGet();
        Trouble trouble = troubles.get(route);
        if (trouble == null) {
            return work.get();
        }
        return switch (trouble) {
            case UNAVAILABLE -> new MockResponse.Builder().code(500).addHeader("Content-Type", "application/json")
                    .body(wrapTransient()).build();
            case RATE_LIMITED -> new MockResponse.Builder(error(403, 4, null, "Application request limit reached"))
                    .addHeader("x-business-use-case-usage", "{\"" + IG_USER + "\":[{\"type\":\"instagram\","
                            + "\"call_count\":100,\"estimated_time_to_regain_access\":7}]}").build();
            case TOKEN_EXPIRED -> error(400, 190, 463, "Error validating access token: Session has expired.");
            case SLOW -> new MockResponse.Builder(work.get()).headersDelay(slowFor.toMillis(), TimeUnit.MILLISECONDS)
                    .build();
        };
    }

    private String wrapTransient() {
        ObjectNode body = json.createObjectNode();
        body.putObject("error").put("message", "An unexpected error has occurred. Please retry your request later.")
                .put("type", "OAuthException").put("is_transient", true).put("code", 2).put("fbtrace_id", "AfakeTrace");
        return body.toString();
    }

    private ObjectNode graphError(int code, Integer subcode, String message) {
        ObjectNode body = json.createObjectNode();
        ObjectNode error = body.putObject("error").put("message", message).put("type", "OAuthException")
                .put("code", code);
        if (subcode != null) {
            error.put("error_subcode", subcode);
        }
        error.put("fbtrace_id", "AfakeTrace");
        return body;
    }

    private MockResponse error(int status, int code, Integer subcode, String message) {
        return answer(status, graphError(code, subcode, message));
    }

    private MockResponse answer(int status, ObjectNode body) {
        return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json")
                .body(body.toString()).build();
    }

    /** The query and, for a form POST, the form fields, together (Graph reads both). */
    private static Map<String, String> params(RecordedRequest request) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String name : request.getUrl().queryParameterNames()) {
            params.put(name, request.getUrl().queryParameter(name));
        }
        String type = request.getHeaders().get("Content-Type");
        if (type != null && type.startsWith("application/x-www-form-urlencoded") && request.getBody() != null) {
            for (String pair : request.getBody().utf8().split("&")) {
                if (!pair.isEmpty()) {
                    int eq = pair.indexOf('=');
                    params.put(decode(eq < 0 ? pair : pair.substring(0, eq)),
                            eq < 0 ? "" : decode(pair.substring(eq + 1)));
                }
            }
        }
        return params;
    }

    private List<String> fields(Map<String, String> query, String... documented) {
        List<String> asked = query.get("fields") == null ? List.of() : List.of(query.get("fields").split(","));
        for (String field : asked) {
            if (!List.of(documented).contains(field)) {
                throw violated("field " + field + " is not one this node documents");
            }
        }
        return asked;
    }

    private void expect(Map<String, String> params, Set<String> documented, String what) {
        for (String name : params.keySet()) {
            if (!documented.contains(name)) {
                throw violated(what + ": parameter " + name + " is not documented");
            }
        }
    }

    private static String pathOf(String url) {
        return java.net.URI.create(url).getPath();
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private Violation violated(String why) {
        violations.add(why);
        return new Violation(error(400, 100, null, "fake: " + why));
    }

    private static final class Violation extends RuntimeException {
        final MockResponse answer;

        Violation(MockResponse answer) {
            super(null, null, false, false);
            this.answer = answer;
        }
    }
}

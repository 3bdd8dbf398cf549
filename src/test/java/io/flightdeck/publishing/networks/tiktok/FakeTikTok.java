package io.flightdeck.publishing.networks.tiktok;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * TikTok's Open API v2 as documented, for MockWebServer. It follows these pages of developers.tiktok.com: Login Kit's
 * token endpoint ({@code /v2/oauth/token/}), Get User Info ({@code /v2/user/info/}), Content Posting API Direct Post
 * (creator info query and {@code /v2/post/publish/video/init/}), Upload ({@code /v2/post/publish/inbox/video/init/}),
 * the Media Transfer Guide (chunk rules; {@code PUT} with {@code Content-Range}), Get Post Status
 * ({@code /v2/post/publish/status/fetch/}), Display API Query Videos ({@code /v2/video/query/}), API v2 Error
 * Handling (the {@code error.code}/{@code message}/{@code log_id} envelope and its HTTP statuses), Rate Limits, and the
 * Content Sharing Guidelines (unaudited clients post only {@code SELF_ONLY}; branded content is never private).
 * <p>
 * It checks every request's shape (a request that breaks it is answered 400 and recorded in {@link #violations}),
 * keeps the publishes, their chunks and the published videos, and refuses what TikTok refuses: a privacy level the
 * creator does not offer, a public post from an unaudited client, more than six inits a minute per token, an expired
 * token, a chunk out of order or with a wrong {@code Content-Range}, the status of an unknown {@code publish_id}. A
 * publish stays {@code PROCESSING_UPLOAD} for {@link #processingPolls} status checks after its last chunk.
 * <p>
 * The hold, for the crash harness: with {@link #hold} set, the last chunk is accepted and the video published, then
 * the answer waits until the latch is released ({@link #holding} counts down when that happens). Served on a fixed
 * port with {@link #serve}, the fake works for another JVM pointed at it with {@code flightdeck.publishing.tiktok.api-url}
 * and {@code web-url}; its upload addresses name the host and port the request came to.
 */
public class FakeTikTok extends Dispatcher {

    public static final String TOKEN = "act.tiktok-user-access-token";
    public static final String REFRESH_TOKEN = "rft.tiktok-refresh-token";
    public static final String CODE = "tiktok-authorization-code";
    public static final String CLIENT_KEY = "fd-client-key";
    public static final String CLIENT_SECRET = "fd-client-secret";
    public static final String OPEN_ID = "-000OAkmx6CQOWBC7wUmQbq3TsxyvzBzcpPd";
    public static final String USERNAME = "acmecoffee";
    public static final String NICKNAME = "Acme Coffee";
    static final long MB = 1024 * 1024;
    static final Set<String> PRIVACY = Set.of("PUBLIC_TO_EVERYONE", "MUTUAL_FOLLOW_FRIENDS", "FOLLOWER_OF_CREATOR",
            "SELF_ONLY");
    static final Set<String> POST_INFO = Set.of("title", "privacy_level", "disable_duet", "disable_comment",
            "disable_stitch", "video_cover_timestamp_ms", "brand_content_toggle", "brand_organic_toggle", "is_aigc");
    static final Set<String> USER_FIELDS = Set.of("open_id", "union_id", "avatar_url", "avatar_url_100",
            "avatar_large_url", "display_name", "bio_description", "profile_deep_link", "is_verified", "username",
            "follower_count", "following_count", "likes_count", "video_count");
    static final Set<String> VIDEO_FIELDS = Set.of("id", "create_time", "cover_image_url", "share_url",
            "video_description", "duration", "height", "width", "title", "embed_html", "embed_link", "like_count",
            "comment_count", "share_count", "view_count");
    private static final Pattern RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+)");

    /** How one kind of call fails. */
    public enum Trouble { SERVER_ERROR, RATE_LIMITED, EXPIRED_TOKEN, SLOW }

    /** One init: its upload and, once the last chunk is in, its post. */
    public static final class Publish {
        public final String id;
        public final boolean inbox;
        public final JsonNode postInfo;
        public final long videoSize;
        public final long chunkSize;
        public final int chunkCount;
        final String uploadId;
        final String uploadToken;
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        public volatile int chunks;
        public volatile String status = "PROCESSING_UPLOAD";
        public volatile String publicId;
        volatile int polls;

        Publish(String id, boolean inbox, JsonNode postInfo, long videoSize, long chunkSize, int chunkCount,
                String uploadId) {
            this.id = id;
            this.inbox = inbox;
            this.postInfo = postInfo;
            this.videoSize = videoSize;
            this.chunkSize = chunkSize;
            this.chunkCount = chunkCount;
            this.uploadId = uploadId;
            this.uploadToken = "upload-token-" + uploadId;
        }

        public boolean uploaded() {
            return chunks == chunkCount;
        }

        public byte[] bytes() {
            return bytes.toByteArray();
        }
    }

    /** A video on the creator's profile, with the numbers a test sets. */
    public static final class Video {
        public final String id;
        public volatile long views;
        public volatile long likes;
        public volatile long comments;
        public volatile long shares;

        Video(String id) {
            this.id = id;
        }
    }

    public final List<String> violations = new CopyOnWriteArrayList<>();
    public final List<Publish> publishes = new CopyOnWriteArrayList<>();
    /** Videos the creator has on TikTok, by id: published ones, or seeded by a test. */
    public final Map<String, Video> videos = new ConcurrentHashMap<>();
    /** Every chunk accepted, as "publish id:first-last/total". */
    public final List<String> chunksAccepted = new CopyOnWriteArrayList<>();
    public final AtomicLong creatorInfoQueries = new AtomicLong();
    public final AtomicLong statusFetches = new AtomicLong();
    public volatile List<String> privacyOptions = List.copyOf(PRIVACY);
    public volatile boolean commentDisabled;
    public volatile boolean duetDisabled;
    public volatile boolean stitchDisabled;
    public volatile int maxVideoPostDurationSec = 600;
    /** Whether TikTok has audited the client: until then only {@code SELF_ONLY} posts. */
    public volatile boolean clientAudited;
    /** Status checks a publish stays {@code PROCESSING_UPLOAD} after its last chunk. */
    public volatile int processingPolls = 1;
    /** When set, processing ends {@code FAILED} with this {@code fail_reason}. */
    public volatile String failReason;
    /** Answers every call with {@code access_token_invalid}, as for a token past its 24 hours. */
    public volatile boolean tokenExpired;
    public volatile Trouble onInit;
    public volatile Trouble onStatus;
    public volatile Trouble onCreatorInfo;
    /** The chunk (from 0) that fails as {@link #chunkTrouble}; SLOW accepts it and answers late. */
    public volatile int troubledChunk = -1;
    public volatile Trouble chunkTrouble;
    public volatile Duration slowFor = Duration.ofSeconds(3);
    public volatile CountDownLatch hold;
    /** The redirect URI registered for the app; when set, the consent page sends the person back only there. */
    public volatile String redirectUri;
    public final CountDownLatch holding = new CountDownLatch(1);
    private final Map<String, List<Instant>> initsByToken = new ConcurrentHashMap<>();
    private final JsonMapper json = JsonMapper.builder().build();
    private final AtomicLong sequence = new AtomicLong(7_310_000_000_000_000_000L);
    private final Clock clock;

    public FakeTikTok(Clock clock) {
        this.clock = clock;
    }

    /** Starts a server on {@code port} (0 for any) answering as this fake, for a test or another JVM. */
    public static MockWebServer serve(FakeTikTok fake, int port) throws IOException {
        MockWebServer server = new MockWebServer();
        server.setDispatcher(fake);
        server.start(port);
        return server;
    }

    public Video seedVideo(String id) {
        Video video = new Video(id);
        videos.put(id, video);
        return video;
    }

    public Publish publish(String id) {
        return publishes.stream().filter(p -> p.id.equals(id)).findFirst().orElse(null);
    }

    /** The publishes TikTok has published (or put in the inbox): what the crash harness counts. */
    public List<Publish> published() {
        return publishes.stream().filter(p -> Set.of("PUBLISH_COMPLETE", "SEND_TO_USER_INBOX").contains(p.status))
                .toList();
    }

    public long inits() {
        return publishes.size();
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        String method = request.getMethod();
        try {
            if ("PUT".equals(method) && path.equals("/upload/")) {
                return FakeTikTokUploads.put(this, request);
            }
            if ("POST".equals(method) && path.equals("/v2/oauth/token/")) {
                return FakeTikTokTokens.token(this, request);
            }
            if ("GET".equals(method) && path.equals("/v2/auth/authorize/")) {
                return FakeTikTokTokens.authorize(this, request);
            }
            String authorization = request.getHeaders().get("Authorization");
            if (!("Bearer " + TOKEN).equals(authorization) || tokenExpired) {
                return error(401, "access_token_invalid", "The access token is invalid or not found in the request.");
            }
            if ("GET".equals(method) && path.equals("/v2/user/info/")) {
                return userInfo(request);
            }
            if (!"POST".equals(method)) {
                throw violated(method + " " + path + " is not a TikTok endpoint the adapter should call");
            }
            jsonContent(request);
            return switch (path) {
                case "/v2/post/publish/creator_info/query/" -> creatorInfo();
                case "/v2/post/publish/video/init/" -> FakeTikTokUploads.init(this, request, false);
                case "/v2/post/publish/inbox/video/init/" -> FakeTikTokUploads.init(this, request, true);
                case "/v2/post/publish/status/fetch/" -> status(request);
                case "/v2/video/query/" -> videoQuery(request);
                default -> throw violated("POST " + path + " is not a TikTok endpoint the adapter should call");
            };
        } catch (Violation v) {
            return v.answer;
        }
    }

    private MockResponse userInfo(RecordedRequest request) {
        List<String> fields = fields(request, USER_FIELDS);
        ObjectNode user = json.createObjectNode();
        Map<String, String> values = Map.of("open_id", OPEN_ID, "display_name", NICKNAME, "username", USERNAME,
                "union_id", "union-" + OPEN_ID, "avatar_url", "https://p16.tiktokcdn.com/avatar.jpeg");
        for (String field : fields) {
            if (values.containsKey(field)) {
                user.put(field, values.get(field));
            }
        }
        return ok(json.createObjectNode().set("user", user));
    }

    private MockResponse creatorInfo() {
        creatorInfoQueries.incrementAndGet();
        if (onCreatorInfo != null) {
            return trouble(onCreatorInfo, null);
        }
        ObjectNode data = json.createObjectNode().put("creator_avatar_url", "https://p16.tiktokcdn.com/avatar.jpeg")
                .put("creator_username", USERNAME).put("creator_nickname", NICKNAME)
                .put("comment_disabled", commentDisabled).put("duet_disabled", duetDisabled)
                .put("stitch_disabled", stitchDisabled).put("max_video_post_duration_sec", maxVideoPostDurationSec);
        privacyOptions.forEach(data.putArray("privacy_level_options")::add);
        return ok(data);
    }

    private MockResponse status(RecordedRequest request) {
        JsonNode body = body(request);
        only(body, Set.of("publish_id"), "status/fetch");
        String id = body.path("publish_id").asString("");
        statusFetches.incrementAndGet();
        if (onStatus != null) {
            return trouble(onStatus, () -> statusOf(id));
        }
        return statusOf(id);
    }

    private MockResponse statusOf(String id) {
        Publish p = publish(id);
        if (p == null) {
            return error(400, "invalid_params", "The publish_id " + id + " does not exist.");
        }
        if (p.uploaded() && "PROCESSING_UPLOAD".equals(p.status) && ++p.polls > processingPolls) {
            finish(p);
        }
        ObjectNode data = json.createObjectNode().put("status", p.status).put("uploaded_bytes", p.bytes.size());
        if ("FAILED".equals(p.status)) {
            data.put("fail_reason", failReason);
        }
        var ids = data.putArray("publicaly_available_post_id");
        if (p.publicId != null) {
            ids.add(Long.parseLong(p.publicId));
        }
        return ok(data);
    }

    /** Ends processing: failed, in the inbox, or published (a public id only for a post others may see). */
    void finish(Publish p) {
        if (failReason != null) {
            p.status = "FAILED";
        } else if (p.inbox) {
            p.status = "SEND_TO_USER_INBOX";
        } else {
            p.status = "PUBLISH_COMPLETE";
            if (!"SELF_ONLY".equals(p.postInfo.path("privacy_level").asString())) {
                p.publicId = String.valueOf(sequence.incrementAndGet());
                videos.put(p.publicId, new Video(p.publicId));
            }
        }
    }

    /** Called by the upload when the last chunk is in: published at once when nothing is left to wait for. */
    void uploaded(Publish p) {
        if (processingPolls == 0 || hold != null) {
            finish(p);
        }
    }

    private MockResponse videoQuery(RecordedRequest request) {
        List<String> fields = fields(request, VIDEO_FIELDS);
        JsonNode body = body(request);
        only(body, Set.of("filters"), "video/query");
        JsonNode ids = body.path("filters").path("video_ids");
        if (!ids.isArray() || ids.isEmpty() || ids.size() > 20) {
            throw violated("video/query: filters.video_ids must hold 1 to 20 ids: " + ids);
        }
        ObjectNode data = json.createObjectNode();
        var list = data.putArray("videos");
        for (JsonNode id : ids) {
            Video v = videos.get(id.asString());
            if (v == null) {
                continue; // TikTok leaves out ids it does not find for this creator
            }
            ObjectNode video = list.addObject();
            Map<String, Object> values = Map.of("id", v.id, "view_count", v.views, "like_count", v.likes,
                    "comment_count", v.comments, "share_count", v.shares);
            for (String field : fields) {
                Object value = values.get(field);
                if (value instanceof Long n) {
                    video.put(field, n);
                } else if (value != null) {
                    video.put(field, value.toString());
                }
            }
        }
        data.put("cursor", 0).put("has_more", false);
        return ok(data);
    }

    // --- shared with the init, chunk and token parts ---

    boolean rateLimited(String token) {
        List<Instant> times = initsByToken.computeIfAbsent(token, t -> new CopyOnWriteArrayList<>());
        Instant now = clock.instant();
        times.removeIf(at -> !at.isAfter(now.minus(Duration.ofMinutes(1))));
        if (times.size() >= 6) {
            return true; // six inits per minute per user access token
        }
        times.add(now);
        return false;
    }

    String nextPublishId(boolean inbox) {
        return (inbox ? "v_inbox_file~v2-1." : "v_pub_file~v2-1.") + sequence.incrementAndGet();
    }

    static Matcher range(String header) {
        return header == null ? null : RANGE.matcher(header);
    }

    MockResponse trouble(Trouble trouble, java.util.function.Supplier<MockResponse> slowAnswer) {
        return switch (trouble) {
            case SERVER_ERROR -> error(500, "internal_error", "Something went wrong. Please try again later.");
            case RATE_LIMITED -> error(429, "rate_limit_exceeded", "The API rate limit was exceeded.");
            case EXPIRED_TOKEN -> error(401, "access_token_invalid", "The access token is invalid or not found in "
                    + "the request.");
            case SLOW -> slow(slowAnswer == null ? error(500, "internal_error", "late") : slowAnswer.get());
        };
    }

    MockResponse slow(MockResponse answer) {
        return new MockResponse.Builder(answer).headersDelay(slowFor.toMillis(), TimeUnit.MILLISECONDS).build();
    }

    MockResponse ok(JsonNode data) {
        ObjectNode body = json.createObjectNode();
        body.set("data", data);
        body.putObject("error").put("code", "ok").put("message", "").put("log_id", logId());
        return answer(200, body);
    }

    MockResponse error(int status, String code, String message) {
        ObjectNode body = json.createObjectNode();
        body.putObject("data");
        body.putObject("error").put("code", code).put("message", message).put("log_id", logId());
        return answer(status, body);
    }

    MockResponse answer(int status, JsonNode body) {
        return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json")
                .body(json.writeValueAsString(body)).build();
    }

    JsonMapper json() {
        return json;
    }

    private String logId() {
        return "2026112901" + Long.toHexString(sequence.incrementAndGet()).toUpperCase();
    }

    JsonNode body(RecordedRequest request) {
        try {
            return json.readTree(request.getBody().utf8());
        } catch (RuntimeException notJson) {
            throw violated(request.getUrl().encodedPath() + ": the body is not JSON");
        }
    }

    void only(JsonNode node, Set<String> known, String where) {
        for (String field : node.propertyNames()) {
            if (!known.contains(field)) {
                throw violated(where + ": unknown field " + field);
            }
        }
    }

    private void jsonContent(RecordedRequest request) {
        String type = request.getHeaders().get("Content-Type");
        if (type == null || !type.startsWith("application/json")) {
            throw violated(request.getUrl().encodedPath() + ": Content-Type " + type + ", not application/json");
        }
    }

    private List<String> fields(RecordedRequest request, Set<String> known) {
        String fields = request.getUrl().queryParameter("fields");
        if (fields == null || fields.isBlank()) {
            throw violated(request.getUrl().encodedPath() + " without fields");
        }
        List<String> list = Arrays.asList(fields.split(","));
        for (String field : list) {
            if (!known.contains(field)) {
                throw violated(request.getUrl().encodedPath() + ": unknown field " + field);
            }
        }
        return list;
    }

    static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    Violation violated(String what) {
        violations.add(what);
        return new Violation(error(400, "invalid_params", what));
    }

    List<String> list(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }

    /** Ends a request that broke the documented shape, its 400 already recorded. */
    static final class Violation extends RuntimeException {
        final transient MockResponse answer;

        Violation(MockResponse answer) {
            super(null, null, false, false);
            this.answer = answer;
        }
    }
}

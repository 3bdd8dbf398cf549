package io.flightdeck.publishing.networks.facebook;

import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Meta's Graph API for Facebook Pages as documented, for MockWebServer (every host — graph, graph-video, rupload, www —
 * on the one server): Facebook Login's dialog and {@code GET /oauth/access_token} (code exchange and
 * {@code fb_exchange_token}, per "Manually Build a Login Flow" and "Long-Lived Access Tokens"), {@code /me/accounts}
 * with Page tokens that never expire when asked with a long-lived user token ("Access Token Guide"),
 * {@code /{page-id}/feed}, {@code /{page-id}/photos} (multipart {@code source}, {@code published=false}),
 * {@code /{page-id}/videos} chunked upload ({@code upload_phase} start/transfer/finish), the Reels Publishing API
 * ({@code /{page-id}/video_reels} start, {@code rupload.facebook.com/video-upload/{version}/{video-id}} with
 * {@code Authorization: OAuth}, {@code offset} and {@code file_size}, status, finish with {@code video_state}),
 * comments, {@code /{page-id}/posts}, a video's {@code status}, and insights. Errors in Graph's shape
 * ({@code error.code}, {@code error_subcode}, {@code is_transient}). It refuses what Meta refuses: a finish before
 * every byte arrived, an expired or unknown token (190), a duplicate (506), an attached photo that is not the
 * Page's unpublished one. A request that breaks the documented shape is answered 400 and recorded in
 * {@link #violations}.
 * <p>
 * {@link #hold}: the step that can duplicate (creating a feed or photo post, finishing a video or Reel) does its work
 * and then waits for the latch before answering, for a harness that kills the application mid-call.
 */
public class FakeFacebook extends Dispatcher {

    public static final String VERSION = "v24.0";
    public static final String APP_ID = "fb-app";
    public static final String APP_SECRET = "fb-secret";
    public static final String PAGE_ID = "104857600000001";
    public static final String PAGE_NAME = "Acme Coffee";
    public static final String OTHER_PAGE_ID = "104857600000002";
    public static final String OTHER_PAGE_NAME = "Acme Roastery";
    /** A Page the person only analyses: not offered. */
    public static final String ANALYST_PAGE_ID = "104857600000003";
    public static final String PAGE_TOKEN = "fb-page-token";
    /** The token the app's webhook subscription is set up with. */
    public static final String VERIFY_TOKEN = "fb-verify-token";
    public static final Set<String> SCOPES = Set.of("pages_show_list", "pages_read_engagement", "pages_manage_posts");
    private static final DateTimeFormatter GRAPH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ")
            .withZone(ZoneOffset.UTC);

    /** How one kind of call fails, as Meta answers. */
    public enum Trouble { RATE_LIMITED, EXPIRED, UNAVAILABLE, DUPLICATE, SLOW }

    public static final class Post {
        public final String id;
        public final String message;
        public final String link;
        public final Instant createdAt;
        public final List<String> photos;
        public final Map<String, Long> insights = new LinkedHashMap<>(Map.of("post_media_view", 0L,
                "post_total_media_view_unique", 0L, "post_clicks", 0L));
        public long reactions;
        public long comments;
        public long shares;

        Post(String id, String message, String link, Instant createdAt, List<String> photos) {
            this.id = id;
            this.message = message;
            this.link = link;
            this.createdAt = createdAt;
            this.photos = photos;
        }
    }

    public static final class Video {
        public final String id;
        public final boolean reel;
        public final Instant createdAt;
        public final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        public long size;
        public String session;
        public String description;
        /** {@code not_started} until finished, then {@code complete}. */
        public String publishing = "not_started";
        int checks;

        Video(String id, boolean reel, Instant createdAt) {
            this.id = id;
            this.reel = reel;
            this.createdAt = createdAt;
        }
    }

    public final List<String> violations = new CopyOnWriteArrayList<>();
    public final List<Post> posts = new CopyOnWriteArrayList<>();
    /** Photos by id, with whether they were published on their own. */
    public final Map<String, Boolean> photos = new ConcurrentHashMap<>();
    public final Map<String, byte[]> photoBytes = new ConcurrentHashMap<>();
    public final Map<String, Video> videos = new ConcurrentHashMap<>();
    /** Comments as "object id: message". */
    public final List<String> comments = new CopyOnWriteArrayList<>();
    /** Calls of the step that can duplicate, as "feed", "photo", "video-finish", "reel-finish". */
    public final List<String> creates = new CopyOnWriteArrayList<>();
    /** Live tokens and when they end ({@link Instant#MAX}: never); the owner is the user or a Page id. */
    final Map<String, Instant> tokens = new ConcurrentHashMap<>();
    final Map<String, String> owners = new ConcurrentHashMap<>();
    private final Map<String, String> codes = new ConcurrentHashMap<>();
    public volatile Trouble onCreate;
    public volatile Trouble onUpload;
    public volatile Trouble onRead;
    public volatile Duration slowFor = Duration.ofSeconds(3);
    /** How many status checks a Reel's upload stays {@code in_progress}. */
    public volatile int uploadChecks = 1;
    /** The hold: when set, the step that can duplicate does its work and then waits for this before answering. */
    public volatile CountDownLatch hold;
    /** Where the login dialog may send the person back. */
    public volatile String redirectUri = "http://localhost/channels/oauth/facebook/callback";
    private final Clock clock;
    private final AtomicLong serial = new AtomicLong(1000);
    private final JsonMapper json = JsonMapper.builder().build();

    public FakeFacebook(Clock clock) {
        this.clock = clock;
        tokens.put(PAGE_TOKEN, Instant.MAX);
        owners.put(PAGE_TOKEN, PAGE_ID);
    }

    /** A post on the Page made elsewhere (by a person, before the attempt). */
    public Post seed(String message, Instant createdAt) {
        Post post = new Post(PAGE_ID + "_" + serial.incrementAndGet(), message, null, createdAt, List.of());
        posts.add(post);
        return post;
    }

    /** Meta ends every token, as when the person changes their password. */
    public void expireAll() {
        tokens.replaceAll((t, until) -> clock.instant().minusSeconds(1));
    }

    public Post post(String id) {
        return posts.stream().filter(p -> p.id.equals(id)).findFirst().orElse(null);
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        try {
            return route(request);
        } catch (Violation v) {
            violations.add(v.getMessage());
            return error(400, 100, null, "(#100) " + v.getMessage());
        }
    }

    private MockResponse route(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        String method = request.getMethod();
        if (path.startsWith("/video-upload/")) {
            return rupload(request, path);
        }
        if (!path.startsWith("/" + VERSION + "/")) {
            throw violated(path + " does not start with the version /" + VERSION + "/");
        }
        String[] parts = path.substring(VERSION.length() + 2).split("/");
        if (parts.length == 2 && parts[0].equals("dialog") && parts[1].equals("oauth") && "GET".equals(method)) {
            return dialog(request);
        }
        if (parts.length == 2 && parts[0].equals("oauth") && parts[1].equals("access_token")) {
            if (!"GET".equals(method)) {
                throw violated("oauth/access_token is documented as GET");
            }
            return accessToken(request);
        }
        String owner = authorize(request);
        if (owner == null) {
            return error(400, 190, 463, "Error validating access token: Session has expired.");
        }
        if (parts.length == 2 && parts[0].equals("me") && parts[1].equals("accounts") && "GET".equals(method)) {
            return read(() -> accounts(owner));
        }
        if (parts.length == 2 && "POST".equals(method)) {
            return switch (parts[1]) {
                case "feed" -> feed(request, page(owner, parts[0]));
                case "photos" -> photo(request, page(owner, parts[0]));
                case "videos" -> video(request, page(owner, parts[0]));
                case "video_reels" -> reel(request, page(owner, parts[0]));
                case "comments" -> comment(request, parts[0]);
                default -> throw violated("POST " + path + " is not a documented edge here");
            };
        }
        if (parts.length == 2 && "GET".equals(method)) {
            return read(() -> switch (parts[1]) {
                case "posts" -> list(request, page(owner, parts[0]));
                case "video_reels" -> reels(request, page(owner, parts[0]));
                case "insights", "video_insights" -> insights(request, parts[0], parts[1]);
                default -> throw violated("GET " + path + " is not a documented edge here");
            });
        }
        if (parts.length == 1 && "GET".equals(method)) {
            return read(() -> node(request, parts[0]));
        }
        throw violated(method + " " + path + " is not documented here");
    }

    // --- Facebook Login ---

    private MockResponse dialog(RecordedRequest request) {
        var url = request.getUrl();
        if (!APP_ID.equals(url.queryParameter("client_id"))) {
            throw violated("dialog: client_id is " + url.queryParameter("client_id"));
        }
        if (!redirectUri.equals(url.queryParameter("redirect_uri"))) {
            throw violated("dialog: redirect_uri " + url.queryParameter("redirect_uri") + " is not " + redirectUri);
        }
        String scope = url.queryParameter("scope");
        if (scope == null || !Set.of(scope.split(",")).containsAll(SCOPES)) {
            throw violated("dialog: scope " + scope + " is not a comma-separated list with " + SCOPES);
        }
        String state = url.queryParameter("state");
        if (state == null || state.length() < 16) {
            throw violated("dialog: state missing or guessable");
        }
        String code = "fb-code-" + serial.incrementAndGet();
        codes.put(code, redirectUri);
        return new MockResponse.Builder().code(302).addHeader("Location", redirectUri + "?code=" + code + "&state="
                + state + "#_=_").build();
    }

    private MockResponse accessToken(RecordedRequest request) {
        var url = request.getUrl();
        if (!APP_ID.equals(url.queryParameter("client_id")) || !APP_SECRET.equals(url.queryParameter("client_secret"))) {
            throw violated("oauth/access_token: client_id and client_secret missing from the query");
        }
        String token;
        long lasts;
        if ("fb_exchange_token".equals(url.queryParameter("grant_type"))) {
            String shortLived = url.queryParameter("fb_exchange_token");
            if (owner(shortLived) == null) {
                return error(400, 190, 463, "Error validating access token: Session has expired.");
            }
            token = "fb-user-long-" + serial.incrementAndGet();
            lasts = 5_183_944;
        } else {
            String code = url.queryParameter("code");
            String redirect = code == null ? null : codes.remove(code);
            if (redirect == null) {
                return error(400, 100, 36009, "This authorization code has been used.");
            }
            if (!redirect.equals(url.queryParameter("redirect_uri"))) {
                throw violated("oauth/access_token: redirect_uri differs from the dialog's");
            }
            token = "fb-user-short-" + serial.incrementAndGet();
            lasts = 5_400;
        }
        tokens.put(token, clock.instant().plusSeconds(lasts));
        owners.put(token, "user");
        return ok(json.createObjectNode().put("access_token", token).put("token_type", "bearer")
                .put("expires_in", lasts));
    }

    private MockResponse accounts(String owner) {
        if (!"user".equals(owner)) {
            throw violated("/me/accounts is asked with a user token");
        }
        ObjectNode answer = json.createObjectNode();
        ArrayNode data = answer.putArray("data");
        page(data, PAGE_ID, PAGE_NAME, "ANALYZE", "ADVERTISE", "MODERATE", "CREATE_CONTENT", "MANAGE");
        page(data, OTHER_PAGE_ID, OTHER_PAGE_NAME, "ANALYZE", "CREATE_CONTENT");
        page(data, ANALYST_PAGE_ID, "Acme Analytics", "ANALYZE");
        answer.putObject("paging").putObject("cursors").put("before", "b").put("after", "a");
        return ok(answer);
    }

    private void page(ArrayNode data, String id, String name, String... tasks) {
        // asked with a long-lived user token the Page token has no expiry; with a short-lived one it ends with it
        String token = id.equals(PAGE_ID) ? PAGE_TOKEN : "fb-page-token-" + id;
        tokens.put(token, Instant.MAX);
        owners.put(token, id);
        ObjectNode page = data.addObject().put("access_token", token).put("category", "Coffee shop")
                .put("name", name).put("id", id);
        ArrayNode list = page.putArray("tasks");
        Arrays.stream(tasks).forEach(list::add);
    }

    // --- publishing ---

    private MockResponse feed(RecordedRequest request, String page) {
        Map<String, String> form = form(request);
        for (String key : form.keySet()) {
            if (!key.equals("message") && !key.equals("link") && !key.matches("attached_media\\[\\d+]")) {
                throw violated("feed: parameter " + key + " is not used here");
            }
        }
        List<String> attached = form.entrySet().stream().filter(e -> e.getKey().startsWith("attached_media"))
                .map(e -> {
                    Matcher id = Pattern.compile("^\\{\"media_fbid\":\"(\\d+)\"}$").matcher(e.getValue());
                    if (!id.find() || !Boolean.FALSE.equals(photos.get(id.group(1)))) {
                        throw violated("feed: " + e.getValue() + " is not an unpublished photo of the Page");
                    }
                    return id.group(1);
                }).toList();
        if (form.get("message") == null && form.get("link") == null && attached.isEmpty()) {
            throw violated("feed: one of message, link or attached_media is required");
        }
        return create("feed", () -> {
            Post post = new Post(page + "_" + serial.incrementAndGet(), form.get("message"), form.get("link"),
                    clock.instant(), attached);
            posts.add(post);
            return ok(json.createObjectNode().put("id", post.id));
        });
    }

    private MockResponse photo(RecordedRequest request, String page) {
        Map<String, Part> parts = multipart(request);
        Part source = parts.get("source");
        if (source == null || source.fileName() == null || source.bytes().length == 0) {
            throw violated("photos: no file in the source part");
        }
        boolean published = !"false".equals(parts.containsKey("published") ? parts.get("published").text() : "true");
        Supplier<MockResponse> make = () -> {
            String photo = String.valueOf(serial.incrementAndGet());
            photos.put(photo, published);
            photoBytes.put(photo, source.bytes());
            ObjectNode answer = json.createObjectNode().put("id", photo);
            if (published) {
                Post post = new Post(page + "_" + serial.incrementAndGet(), parts.containsKey("message")
                        ? parts.get("message").text() : null, null, clock.instant(), List.of(photo));
                posts.add(post);
                answer.put("post_id", post.id);
            }
            return ok(answer);
        };
        return published ? create("photo", make) : upload(make);
    }

    private MockResponse video(RecordedRequest request, String page) {
        String type = String.valueOf(request.getHeaders().get("Content-Type"));
        if (type.startsWith("multipart/form-data")) {
            Map<String, Part> parts = multipart(request);
            Video v = session(parts.containsKey("upload_session_id") ? parts.get("upload_session_id").text() : null);
            if (!"transfer".equals(parts.containsKey("upload_phase") ? parts.get("upload_phase").text() : null)
                    || !parts.containsKey("video_file_chunk")) {
                throw violated("videos: a multipart call is upload_phase=transfer with video_file_chunk");
            }
            long start = Long.parseLong(parts.get("start_offset").text());
            if (start != v.bytes.size()) {
                throw violated("videos: transfer at " + start + " but " + v.bytes.size() + " bytes arrived");
            }
            return upload(() -> {
                v.bytes.writeBytes(parts.get("video_file_chunk").bytes());
                return ok(json.createObjectNode().put("start_offset", String.valueOf(v.bytes.size()))
                        .put("end_offset", String.valueOf(Math.min(v.size, v.bytes.size() + CHUNK))));
            });
        }
        Map<String, String> form = form(request);
        if ("start".equals(form.get("upload_phase"))) {
            long size = Long.parseLong(String.valueOf(form.getOrDefault("file_size", "-1")));
            if (size <= 0) {
                throw violated("videos: start without file_size");
            }
            return upload(() -> {
                Video v = new Video(String.valueOf(serial.incrementAndGet()), false, clock.instant());
                v.size = size;
                v.session = "session-" + serial.incrementAndGet();
                videos.put(v.id, v);
                return ok(json.createObjectNode().put("video_id", v.id).put("start_offset", "0")
                        .put("end_offset", String.valueOf(Math.min(size, CHUNK))).put("upload_session_id", v.session));
            });
        }
        if ("finish".equals(form.get("upload_phase"))) {
            Video v = session(form.get("upload_session_id"));
            if (v.bytes.size() != v.size) {
                return error(400, 6001, 1363030, "There was a problem uploading your video: the upload is incomplete.");
            }
            return create("video-finish", () -> {
                v.description = form.get("description");
                v.publishing = "complete";
                return ok(json.createObjectNode().put("success", true));
            });
        }
        throw violated("videos: upload_phase " + form.get("upload_phase"));
    }

    /** Meta's chunk size in the fake: small, so that a test's video goes in several chunks. */
    static final int CHUNK = 64 * 1024;

    private Video session(String id) {
        return videos.values().stream().filter(v -> id != null && id.equals(v.session)).findFirst()
                .orElseThrow(() -> violated("videos: unknown upload_session_id " + id));
    }

    private MockResponse reel(RecordedRequest request, String page) {
        Map<String, String> form = form(request);
        if ("start".equals(form.get("upload_phase"))) {
            return upload(() -> {
                Video v = new Video(String.valueOf(serial.incrementAndGet()), true, clock.instant());
                videos.put(v.id, v);
                return ok(json.createObjectNode().put("video_id", v.id).put("upload_url", "https://rupload.facebook.com"
                        + "/video-upload/" + VERSION + "/" + v.id));
            });
        }
        if ("finish".equals(form.get("upload_phase"))) {
            Video v = videos.get(String.valueOf(form.get("video_id")));
            if (v == null || !v.reel) {
                throw violated("video_reels: finish names no Reel started here");
            }
            if (!"PUBLISHED".equals(form.get("video_state"))) {
                throw violated("video_reels: video_state " + form.get("video_state"));
            }
            if (v.size == 0 || v.bytes.size() != v.size) {
                return error(400, 6000, 1363040, "The video upload is not complete.");
            }
            return create("reel-finish", () -> {
                v.description = form.get("description");
                v.publishing = "complete";
                return ok(json.createObjectNode().put("success", true));
            });
        }
        throw violated("video_reels: upload_phase " + form.get("upload_phase"));
    }

    private MockResponse rupload(RecordedRequest request, String path) {
        Matcher m = Pattern.compile("^/video-upload/" + Pattern.quote(VERSION) + "/(\\d+)$").matcher(path);
        Video v = m.find() ? videos.get(m.group(1)) : null;
        if (v == null || !"POST".equals(request.getMethod())) {
            throw violated("rupload: " + request.getMethod() + " " + path + " names no Reel started here");
        }
        String authorization = request.getHeaders().get("Authorization");
        if (authorization == null || !authorization.startsWith("OAuth ") || owner(authorization.substring(6)) == null) {
            return error(400, 190, null, "Invalid OAuth access token.");
        }
        byte[] body = request.getBody() == null ? new byte[0] : request.getBody().toByteArray();
        if (!"0".equals(request.getHeaders().get("offset"))
                || !String.valueOf(body.length).equals(request.getHeaders().get("file_size"))) {
            throw violated("rupload: offset 0 and file_size equal to the bytes sent are required");
        }
        return upload(() -> {
            v.size = body.length;
            v.bytes.reset();
            v.bytes.writeBytes(body);
            return ok(json.createObjectNode().put("success", true));
        });
    }

    private MockResponse comment(RecordedRequest request, String object) {
        Map<String, String> form = form(request);
        if (form.get("message") == null || (post(object) == null && !videos.containsKey(object))) {
            throw violated("comments: a message on an existing object is required");
        }
        String id = object + "_" + serial.incrementAndGet();
        comments.add(object + ": " + form.get("message"));
        return ok(json.createObjectNode().put("id", id));
    }

    // --- reading ---

    private MockResponse list(RecordedRequest request, String page) {
        long since = Long.parseLong(String.valueOf(request.getUrl().queryParameter("since")));
        ObjectNode answer = json.createObjectNode();
        ArrayNode data = answer.putArray("data");
        posts.stream().filter(p -> p.id.startsWith(page + "_") && p.createdAt.getEpochSecond() >= since)
                .sorted((a, b) -> b.createdAt.compareTo(a.createdAt)).forEach(p -> {
                    ObjectNode n = data.addObject().put("id", p.id).put("created_time", GRAPH_TIME.format(p.createdAt));
                    if (p.message != null) {
                        n.put("message", p.message);
                    }
                });
        return ok(answer);
    }

    private MockResponse reels(RecordedRequest request, String page) {
        ObjectNode answer = json.createObjectNode();
        ArrayNode data = answer.putArray("data");
        videos.values().stream().filter(v -> v.reel && "complete".equals(v.publishing)).forEach(v ->
                data.addObject().put("id", v.id).put("created_time", GRAPH_TIME.format(v.createdAt)));
        return ok(answer);
    }

    private MockResponse insights(RecordedRequest request, String id, String edge) {
        Post post = post(id);
        Video video = videos.get(id);
        ObjectNode answer = json.createObjectNode();
        ArrayNode data = answer.putArray("data");
        for (String metric : String.valueOf(request.getUrl().queryParameter("metric")).split(",")) {
            Long value = post != null && edge.equals("insights") ? post.insights.get(metric)
                    : video != null && edge.equals("video_insights") && metric.startsWith("total_video_views") ? 7L : null;
            if (value == null) {
                return error(400, 100, null, "(#100) The value must be a valid insights metric: " + metric);
            }
            data.addObject().put("name", metric).put("period", "lifetime").putArray("values").addObject()
                    .put("value", value);
        }
        return ok(answer);
    }

    private MockResponse node(RecordedRequest request, String id) {
        String fields = String.valueOf(request.getUrl().queryParameter("fields"));
        Video v = videos.get(id);
        Post p = post(id);
        if (v == null && p == null) {
            return error(400, 100, 33, "Unsupported get request. Object with ID '" + id + "' does not exist.");
        }
        ObjectNode answer = json.createObjectNode().put("id", id);
        if (v != null && fields.contains("status")) {
            boolean uploaded = v.size > 0 && v.bytes.size() == v.size && v.checks++ >= uploadChecks;
            ObjectNode status = answer.putObject("status").put("video_status", uploaded ? "ready" : "upload_complete");
            status.putObject("uploading_phase").put("status", uploaded ? "complete" : "in_progress");
            status.putObject("processing_phase").put("status", uploaded ? "complete" : "not_started");
            status.putObject("publishing_phase").put("status", v.publishing);
        }
        if (p != null && fields.contains("reactions")) {
            answer.putObject("reactions").putObject("summary").put("total_count", p.reactions);
            answer.putObject("comments").putObject("summary").put("total_count", p.comments);
            answer.putObject("shares").put("count", p.shares);
        }
        if (v != null && fields.contains("likes")) {
            answer.putObject("likes").putObject("summary").put("total_count", 2);
            answer.putObject("comments").putObject("summary").put("total_count", 1);
        }
        return ok(answer);
    }

    // --- plumbing ---

    private String authorize(RecordedRequest request) {
        String authorization = request.getHeaders().get("Authorization");
        if (request.getUrl().queryParameter("access_token") != null) {
            throw violated("the token travels in the Authorization header here, not in the address");
        }
        if (authorization == null || !authorization.startsWith("OAuth ")) {
            throw violated("no Authorization: OAuth header");
        }
        return owner(authorization.substring(6));
    }

    private String owner(String token) {
        Instant until = token == null ? null : tokens.get(token);
        return until == null || !clock.instant().isBefore(until) ? null : owners.get(token);
    }

    private String page(String owner, String page) {
        if (!page.equals(owner)) {
            throw violated("a Page edge is called with a token that is not " + page + "'s Page token");
        }
        return page;
    }

    private MockResponse create(String what, Supplier<MockResponse> make) {
        creates.add(what);
        Trouble trouble = onCreate;
        if (trouble != null && trouble != Trouble.SLOW) {
            return trouble(trouble);
        }
        MockResponse answer = make.get();
        CountDownLatch latch = hold;
        if (latch != null) {
            try {
                latch.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return trouble == Trouble.SLOW ? slow(answer) : answer;
    }

    private MockResponse upload(Supplier<MockResponse> make) {
        Trouble trouble = onUpload;
        if (trouble == null) {
            return make.get();
        }
        return trouble == Trouble.SLOW ? slow(make.get()) : trouble(trouble);
    }

    private MockResponse read(Supplier<MockResponse> answer) {
        Trouble trouble = onRead;
        if (trouble == null) {
            return answer.get();
        }
        return trouble == Trouble.SLOW ? slow(answer.get()) : trouble(trouble);
    }

    private MockResponse trouble(Trouble trouble) {
        return switch (trouble) {
            case RATE_LIMITED -> new MockResponse.Builder(error(400, 32, null, "Page request limit reached"))
                    .addHeader("X-Business-Use-Case-Usage", "{\"" + PAGE_ID + "\":[{\"type\":\"pages\",\"call_count\":"
                            + "100,\"total_cputime\":25,\"total_time\":25,\"estimated_time_to_regain_access\":17}]}")
                    .build();
            case EXPIRED -> error(400, 190, 463, "Error validating access token: Session has expired.");
            case UNAVAILABLE -> new MockResponse.Builder().code(500).addHeader("Content-Type", "application/json")
                    .body("{\"error\":{\"message\":\"An unexpected error has occurred. Please retry your request "
                            + "later.\",\"type\":\"OAuthException\",\"is_transient\":true,\"code\":2,"
                            + "\"fbtrace_id\":\"AbCdEf\"}}").build();
            case DUPLICATE -> error(400, 506, null, "Duplicate status message");
            case SLOW -> throw new IllegalStateException("SLOW delays a real answer");
        };
    }

    private MockResponse slow(MockResponse answer) {
        return new MockResponse.Builder(answer).headersDelay(slowFor.toMillis(), TimeUnit.MILLISECONDS).build();
    }

    private MockResponse error(int status, int code, Integer subcode, String message) {
        ObjectNode body = json.createObjectNode();
        ObjectNode error = body.putObject("error").put("message", message).put("type", "OAuthException").put("code", code);
        if (subcode != null) {
            error.put("error_subcode", subcode);
        }
        error.put("fbtrace_id", "AbCdEf" + serial.incrementAndGet());
        return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json")
                .body(json.writeValueAsString(body)).build();
    }

    private MockResponse ok(ObjectNode body) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body(json.writeValueAsString(body)).build();
    }

    private Map<String, String> form(RecordedRequest request) {
        String type = request.getHeaders().get("Content-Type");
        if (type == null || !type.startsWith("application/x-www-form-urlencoded")) {
            throw violated(request.getUrl().encodedPath() + ": Content-Type is " + type + ", not a form");
        }
        Map<String, String> form = new LinkedHashMap<>();
        String body = request.getBody() == null ? "" : request.getBody().utf8();
        for (String pair : body.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    record Part(String fileName, byte[] bytes) {
        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** A multipart/form-data body by RFC 7578. */
    private Map<String, Part> multipart(RecordedRequest request) {
        String type = request.getHeaders().get("Content-Type");
        Matcher boundary = type == null ? null : Pattern.compile("^multipart/form-data;\\s*boundary=\"?([^\";]+)\"?")
                .matcher(type);
        if (boundary == null || !boundary.find()) {
            throw violated(request.getUrl().encodedPath() + ": Content-Type is " + type + ", not multipart/form-data");
        }
        byte[] body = request.getBody() == null ? new byte[0] : request.getBody().toByteArray();
        byte[] delimiter = ("--" + boundary.group(1)).getBytes(StandardCharsets.US_ASCII);
        Map<String, Part> parts = new HashMap<>();
        int at = indexOf(body, delimiter, 0);
        while (at >= 0) {
            int after = at + delimiter.length;
            if (after + 1 < body.length && body[after] == '-' && body[after + 1] == '-') {
                return parts;
            }
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), after + 2);
            int next = indexOf(body, ("\r\n--" + boundary.group(1)).getBytes(StandardCharsets.US_ASCII), after + 2);
            if (headersEnd < 0 || next < 0 || headersEnd > next) {
                throw violated("multipart: a part without headers or closing boundary");
            }
            String headers = new String(body, after + 2, headersEnd - after - 2, StandardCharsets.UTF_8);
            Matcher name = Pattern.compile("(?i)content-disposition:\\s*form-data;\\s*name=\"([^\"]+)\"(?:;\\s*filename=\"([^\"]*)\")?")
                    .matcher(headers);
            if (!name.find()) {
                throw violated("multipart: a part without a name");
            }
            parts.put(name.group(1), new Part(name.group(2), Arrays.copyOfRange(body, headersEnd + 4, next)));
            at = next + 2;
        }
        throw violated("multipart: no closing boundary");
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static Violation violated(String message) {
        return new Violation(message);
    }

    static final class Violation extends RuntimeException {
        Violation(String message) {
            super(message);
        }
    }
}

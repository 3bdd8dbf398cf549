package io.flightdeck.publishing.networks.linkedin;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okio.ByteString;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * LinkedIn's versioned Community Management API as documented, for MockWebServer: OpenID Connect's userinfo, the
 * member's organization roles and the pages' batch get, the Images API (initializeUpload, then the PUT of the bytes),
 * the Videos API (initializeUpload, the parts' PUTs answered with ETags, finalizeUpload, the processing status), the
 * Posts API (create, and the author finder), comments and social actions, and page share statistics. Every
 * {@code /rest} call must carry the bearer token, {@code LinkedIn-Version} and {@code X-Restli-Protocol-Version:
 * 2.0.0}; URNs in paths and {@code List(...)} must be percent-encoded; a post must reference only images whose bytes
 * arrived, owned by its author, and its commentary must escape the little text format's reserved characters. A request
 * that breaks the documented shape is answered 400 (or 404) and recorded in {@link #violations}.
 * <p>
 * It answers as LinkedIn does: 201 with {@code x-restli-id} for a created post, 422 for a duplicate of the author's
 * text, 403 where the token lacks a permission (organization roles without the organization scopes, a member's posts
 * without the restricted r_member_social); and, when told to with {@link #failures}, 429, 401 with LinkedIn's
 * serviceErrorCodes, 403, 422 duplicate, 503, or an answer slower than the adapter waits. The OAuth token endpoint is
 * not here: exchanging codes is the publishing module's, not the adapter's.
 */
public class FakeLinkedIn extends Dispatcher {

    public static final String TOKEN = "AQVfake-linkedin-member-token";
    public static final String VERSION = "202601";
    public static final String MEMBER_SUB = "782bbtaQ";
    public static final String MEMBER = "urn:li:person:" + MEMBER_SUB;
    public static final String MEMBER_NAME = "Dana Diaz";
    public static final String ACME = "urn:li:organization:2414183";
    public static final String GLOBEX = "urn:li:organization:5515715";
    public static final String RESERVED = "\\|{}@[]()<>#*_~";
    private static final Pattern HASHTAG_TEMPLATE = Pattern.compile("\\{hashtag\\|\\\\#\\|[\\p{L}\\p{N}]+\\}");
    private static final Set<String> POSTING_ROLES = Set.of("ADMINISTRATOR", "CONTENT_ADMINISTRATOR");

    public enum Route { USERINFO, ACLS, ORGANIZATIONS, IMAGES, UPLOAD, VIDEOS, VIDEO_PART, VIDEO_STATUS, CREATE_POST,
        FIND_POSTS, COMMENT, SOCIAL_ACTIONS, STATISTICS }

    public enum Failure { RATE_LIMITED, REVOKED, EXPIRED, FORBIDDEN, DUPLICATE, UNAVAILABLE, SLOW }

    public record Organization(String urn, String name, String vanityName, String role) {

        String id() {
            return urn.substring(urn.lastIndexOf(':') + 1);
        }
    }

    public record Post(String urn, String author, String commentary, long createdAt, long lastModifiedAt,
            JsonNode content) {
    }

    public record Comment(String urn, String post, String actor, String text) {
    }

    public record Numbers(long impressions, long uniqueImpressions, long clicks, long likes, long comments,
            long shares) {
    }

    static final class Image {
        final String owner;
        volatile byte[] bytes;
        volatile List<Integer> chunks = List.of();

        Image(String owner) {
            this.owner = owner;
        }
    }

    static final class Video {
        final String urn;
        final String owner;
        final long size;
        final String uploadToken;
        final List<long[]> ranges = new ArrayList<>();
        final Map<Integer, byte[]> parts = new ConcurrentHashMap<>();
        final Map<Integer, String> etags = new ConcurrentHashMap<>();
        volatile String status = "WAITING_UPLOAD";
        volatile int polls;

        Video(String urn, String owner, long size, String uploadToken) {
            this.urn = urn;
            this.owner = owner;
            this.size = size;
            this.uploadToken = uploadToken;
        }

        /** The bytes LinkedIn received, in order. */
        public byte[] bytes() {
            var out = new java.io.ByteArrayOutputStream();
            for (int i = 0; i < ranges.size(); i++) {
                out.writeBytes(parts.getOrDefault(i, new byte[0]));
            }
            return out.toByteArray();
        }
    }

    private final JsonMapper json = JsonMapper.builder().build();
    private final Clock clock;
    private final AtomicLong ids = new AtomicLong(7_100_000_000_000_000_000L);
    private volatile String baseUrl = "";

    public final List<String> violations = new CopyOnWriteArrayList<>();
    public final Map<Route, Failure> failures = new ConcurrentHashMap<>();
    public final Map<Route, AtomicLong> calls = new ConcurrentHashMap<>();
    public final List<Post> posts = new CopyOnWriteArrayList<>();
    public final List<Comment> comments = new CopyOnWriteArrayList<>();
    public final Map<String, Image> images = new ConcurrentHashMap<>();
    public final Map<String, Video> videos = new ConcurrentHashMap<>();
    /** LinkedIn's parts are about 4 MB; tests make them small to see several. */
    public volatile int videoPartSize = 4 * 1024 * 1024;
    /** How many status checks answer PROCESSING before a finalized video is AVAILABLE. */
    public volatile int pollsUntilAvailable = 1;
    public volatile boolean videoProcessingFails = false;
    public final Map<String, Numbers> numbers = new ConcurrentHashMap<>();
    public final List<Organization> organizations = new CopyOnWriteArrayList<>(List.of(
            new Organization(ACME, "Acme Coffee", "acme-coffee", "ADMINISTRATOR"),
            new Organization(GLOBEX, "Globex", "globex", "CONTENT_ADMINISTRATOR"),
            new Organization("urn:li:organization:9000001", "Initech", "initech", "ANALYST")));
    /** Whether the token carries the organization scopes; without them organizationAcls answers 403. */
    public volatile boolean organizationScopes = true;
    /** r_member_social is for approved partners only: without it, the author finder refuses a member. */
    public volatile boolean memberPostsReadable = false;
    /** Retry-After on a 429, in seconds; null sends none, as LinkedIn mostly does. */
    public volatile String retryAfter = null;
    public volatile Duration slowness = Duration.ofSeconds(3);

    public FakeLinkedIn(Clock clock) {
        this.clock = clock;
    }

    /** Where the fake is reachable, for the upload addresses it hands out. */
    public FakeLinkedIn at(String url) {
        this.baseUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        return this;
    }

    /** A post already on the author's feed, created and last modified at those times (epoch ms). */
    public Post seed(String author, String commentary, long createdAt, long lastModifiedAt) {
        Post post = new Post("urn:li:share:" + ids.incrementAndGet(), author, commentary, createdAt, lastModifiedAt,
                null);
        posts.add(post);
        return post;
    }

    public long calls(Route route) {
        return calls.getOrDefault(route, new AtomicLong()).get();
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String method = request.getMethod();
        String path = request.getUrl().encodedPath();
        Route route = route(method, path);
        if (route == null) {
            violations.add(method + " " + path + " is not a LinkedIn endpoint the adapter should call");
            return error(404, 0, "No resource found for " + path);
        }
        calls.computeIfAbsent(route, r -> new AtomicLong()).incrementAndGet();
        if (!("Bearer " + TOKEN).equals(request.getHeaders().get("Authorization"))) {
            return error(401, 65600, "Invalid access token");
        }
        if (path.startsWith("/rest/")) {
            MockResponse badHeaders = versionHeaders(request);
            if (badHeaders != null) {
                return badHeaders;
            }
        }
        Failure failure = failures.get(route);
        if (failure != null && failure != Failure.SLOW) {
            return fail(failure);
        }
        MockResponse answer = answer(route, request);
        return failure == Failure.SLOW
                ? answer.newBuilder().headersDelay(slowness.toMillis(), TimeUnit.MILLISECONDS).build()
                : answer;
    }

    private static Route route(String method, String path) {
        if (method.equals("GET") && path.equals("/v2/userinfo")) {
            return Route.USERINFO;
        }
        if (method.equals("GET") && path.equals("/rest/organizationAcls")) {
            return Route.ACLS;
        }
        if (method.equals("GET") && path.matches("/rest/organizations(/\\d+)?")) {
            return Route.ORGANIZATIONS;
        }
        if (method.equals("POST") && path.equals("/rest/images")) {
            return Route.IMAGES;
        }
        if (method.equals("PUT") && path.startsWith("/dms-uploads/video/")) {
            return Route.VIDEO_PART;
        }
        if (method.equals("PUT") && path.startsWith("/dms-uploads/")) {
            return Route.UPLOAD;
        }
        if (method.equals("POST") && path.equals("/rest/videos")) {
            return Route.VIDEOS;
        }
        if (method.equals("GET") && path.matches("/rest/videos/[^/]+")) {
            return Route.VIDEO_STATUS;
        }
        if (method.equals("POST") && path.equals("/rest/posts")) {
            return Route.CREATE_POST;
        }
        if (method.equals("GET") && path.equals("/rest/posts")) {
            return Route.FIND_POSTS;
        }
        if (method.equals("POST") && path.matches("/rest/socialActions/[^/]+/comments")) {
            return Route.COMMENT;
        }
        if (method.equals("GET") && path.matches("/rest/socialActions/[^/]+")) {
            return Route.SOCIAL_ACTIONS;
        }
        if (method.equals("GET") && path.equals("/rest/organizationalEntityShareStatistics")) {
            return Route.STATISTICS;
        }
        return null;
    }

    private MockResponse versionHeaders(RecordedRequest request) {
        String version = request.getHeaders().get("LinkedIn-Version");
        if (version == null) {
            violations.add(request.getRequestLine() + " without LinkedIn-Version");
            return new MockResponse.Builder().code(400).addHeader("Content-Type", "application/json")
                    .body("{\"status\":400,\"code\":\"VERSION_MISSING\",\"message\":\"A version must be present. "
                            + "Please specify a version by adding the LinkedIn-Version header.\"}").build();
        }
        if (!version.equals(VERSION)) {
            violations.add(request.getRequestLine() + " with LinkedIn-Version " + version);
            return new MockResponse.Builder().code(426).addHeader("Content-Type", "application/json")
                    .body("{\"status\":426,\"code\":\"NONEXISTENT_VERSION\",\"message\":\"Requested version " + version
                            + " is not active\"}").build();
        }
        if (!"2.0.0".equals(request.getHeaders().get("X-Restli-Protocol-Version"))) {
            violations.add(request.getRequestLine() + " without X-Restli-Protocol-Version: 2.0.0");
            return error(400, 0, "Rest.li protocol 2.0.0 is required");
        }
        return null;
    }

    private MockResponse fail(Failure failure) {
        return switch (failure) {
            case RATE_LIMITED -> {
                MockResponse.Builder b = new MockResponse.Builder().code(429)
                        .addHeader("Content-Type", "application/json")
                        .body("{\"message\":\"Resource level throttle APPLICATION DAY limit for calls to this resource "
                                + "is reached.\",\"status\":429}");
                yield retryAfter == null ? b.build() : b.addHeader("Retry-After", retryAfter).build();
            }
            case REVOKED -> error(401, 65601, "The token used in the request has been revoked by the user");
            case EXPIRED -> error(401, 65602, "The token used in the request has expired");
            case FORBIDDEN -> error(403, 100, "Not enough permissions to access: partnerApiPostsExternal.CREATE."
                    + VERSION + "01");
            case DUPLICATE -> error(422, 0, "Content is a duplicate of urn:li:share:6844785523593134080");
            case UNAVAILABLE -> error(503, 0, "Service Unavailable");
            case SLOW -> throw new IllegalStateException("a slow answer is the normal one, later");
        };
    }

    private MockResponse answer(Route route, RecordedRequest request) {
        return switch (route) {
            case USERINFO -> ok(json.createObjectNode().put("sub", MEMBER_SUB).put("name", MEMBER_NAME)
                    .put("given_name", "Dana").put("family_name", "Diaz")
                    .put("picture", "https://media.licdn.com/dms/image/C4E03AQ/profile-displayphoto-shrink_100_100/0")
                    .set("locale", json.createObjectNode().put("country", "US").put("language", "en")));
            case ACLS -> acls(request);
            case ORGANIZATIONS -> organizations(request);
            case IMAGES -> initializeUpload(request);
            case UPLOAD -> upload(request);
            case VIDEOS -> "finalizeUpload".equals(request.getUrl().queryParameter("action")) ? finalizeVideo(request)
                    : initializeVideo(request);
            case VIDEO_PART -> videoPart(request);
            case VIDEO_STATUS -> videoStatus(request);
            case CREATE_POST -> createPost(request);
            case FIND_POSTS -> findPosts(request);
            case COMMENT -> comment(request);
            case SOCIAL_ACTIONS -> socialActions(request);
            case STATISTICS -> statistics(request);
        };
    }

    private MockResponse acls(RecordedRequest request) {
        if (!"roleAssignee".equals(request.getUrl().queryParameter("q"))) {
            violations.add("organizationAcls without q=roleAssignee");
            return error(400, 0, "Invalid finder");
        }
        if (!organizationScopes) {
            return error(403, 100, "Not enough permissions to access: organizationAcls.FINDER-roleAssignee."
                    + VERSION + "01");
        }
        String role = request.getUrl().queryParameter("role");
        String state = request.getUrl().queryParameter("state");
        List<Organization> matching = organizations.stream().filter(o -> role == null || role.equals(o.role()))
                .filter(o -> state == null || state.equals("APPROVED")).toList();
        ObjectNode page = json.createObjectNode();
        ArrayNode elements = page.putArray("elements");
        paged(request, matching).forEach(o -> elements.addObject().put("roleAssignee", MEMBER).put("state", "APPROVED")
                .put("role", o.role()).put("organization", o.urn()));
        paging(page, request, matching.size());
        return ok(page);
    }

    private MockResponse organizations(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        if (path.matches("/rest/organizations/\\d+")) {
            String id = path.substring(path.lastIndexOf('/') + 1);
            return organizations.stream().filter(o -> o.id().equals(id)).findFirst().map(o -> ok(organization(o)))
                    .orElseGet(() -> error(404, 0, "Organization " + id + " not found"));
        }
        String ids = request.getUrl().queryParameter("ids");
        if (ids == null || !ids.matches("List\\((\\d+)(,\\d+)*\\)")) {
            violations.add("organizations batch get without ids=List(id,...): " + ids);
            return error(400, 0, "Invalid batch get");
        }
        ObjectNode batch = json.createObjectNode();
        ObjectNode results = batch.putObject("results");
        ObjectNode statuses = batch.putObject("statuses");
        ObjectNode errors = batch.putObject("errors");
        for (String id : ids.substring(5, ids.length() - 1).split(",")) {
            Organization o = organizations.stream().filter(x -> x.id().equals(id)).findFirst().orElse(null);
            if (o == null) {
                statuses.put(id, 404);
                errors.putObject(id).put("status", 404).put("message", "Organization " + id + " not found");
            } else {
                statuses.put(id, 200);
                results.set(id, organization(o));
            }
        }
        return ok(batch);
    }

    private ObjectNode organization(Organization o) {
        ObjectNode org = json.createObjectNode().put("id", Long.parseLong(o.id())).put("localizedName", o.name())
                .put("vanityName", o.vanityName()).put("primaryOrganizationType", "NONE");
        ObjectNode name = org.putObject("name");
        name.putObject("localized").put("en_US", o.name());
        name.putObject("preferredLocale").put("country", "US").put("language", "en");
        return org;
    }

    private MockResponse initializeUpload(RecordedRequest request) {
        if (!"initializeUpload".equals(request.getUrl().queryParameter("action"))) {
            violations.add("POST /rest/images without ?action=initializeUpload");
            return error(400, 0, "Unknown action");
        }
        JsonNode body = jsonBody(request);
        if (body == null) {
            return error(400, 0, "Invalid JSON");
        }
        String owner = body.path("initializeUploadRequest").path("owner").asString("");
        if (!owner.startsWith("urn:li:person:") && !owner.startsWith("urn:li:organization:")) {
            violations.add("initializeUploadRequest.owner is not a person or organization URN: " + body);
            return error(422, 0, "/initializeUploadRequest/owner :: invalid URN");
        }
        if (!mayPostAs(owner)) {
            return error(403, 100, "Not enough permissions to access: images.ACTION-initializeUpload." + VERSION + "01");
        }
        String image = "urn:li:image:C4E10AQ" + ids.incrementAndGet();
        images.put(image, new Image(owner));
        ObjectNode answer = json.createObjectNode();
        answer.putObject("value").put("uploadUrlExpiresAt", clock.millis() + 3_600_000)
                .put("uploadUrl", baseUrl + "/dms-uploads/" + image.substring("urn:li:image:".length())
                        + "/uploaded-image/0?ca=vector_feedshare&cn=uploads&m=AQ&app=1953784&sync=0&v=beta")
                .put("image", image);
        return ok(answer);
    }

    private MockResponse upload(RecordedRequest request) {
        String key = request.getUrl().encodedPathSegments().get(1);
        Image image = images.get("urn:li:image:" + key);
        if (image == null) {
            violations.add("PUT to an upload address LinkedIn never gave: " + request.getUrl());
            return error(404, 0, "Upload not found");
        }
        ByteString bytes = request.getBody();
        if (bytes == null || bytes.size() == 0) {
            violations.add("PUT of " + key + " without the image's bytes");
            return error(400, 0, "Empty upload");
        }
        image.bytes = bytes.toByteArray();
        image.chunks = request.getChunkSizes();
        return new MockResponse.Builder().code(201).build();
    }

    private MockResponse initializeVideo(RecordedRequest request) {
        if (!"initializeUpload".equals(request.getUrl().queryParameter("action"))) {
            violations.add("POST /rest/videos without ?action=initializeUpload or finalizeUpload");
            return error(400, 0, "Unknown action");
        }
        JsonNode body = jsonBody(request);
        if (body == null) {
            return error(400, 0, "Invalid JSON");
        }
        JsonNode init = body.path("initializeUploadRequest");
        String owner = init.path("owner").asString("");
        if (!owner.startsWith("urn:li:person:") && !owner.startsWith("urn:li:organization:")
                || !init.path("fileSizeBytes").isIntegralNumber() || init.path("fileSizeBytes").longValue() <= 0
                || !init.path("uploadCaptions").isBoolean() || !init.path("uploadThumbnail").isBoolean()) {
            violations.add("initializeUploadRequest is {owner, fileSizeBytes, uploadCaptions, uploadThumbnail}: " + body);
            return error(422, 0, "Invalid initializeUploadRequest");
        }
        if (!mayPostAs(owner)) {
            return error(403, 0, "Accessing this video resource is forbidden. Please check your permissions for this "
                    + "resource");
        }
        long size = init.path("fileSizeBytes").longValue();
        String key = "C5505AQ" + ids.incrementAndGet();
        long partCount = (size + videoPartSize - 1) / videoPartSize;
        Video video = new Video("urn:li:video:" + key, owner, size, partCount > 1 ? "ViYXRlIHVwbG9hZCB0b2tlbg" : "");
        ObjectNode value = json.createObjectNode();
        ObjectNode v = value.putObject("value").put("uploadUrlsExpireAt", clock.millis() + 86_400_000)
                .put("video", video.urn);
        ArrayNode instructions = v.putArray("uploadInstructions");
        for (int i = 0; i < partCount; i++) {
            long first = (long) i * videoPartSize;
            long last = Math.min(size, first + videoPartSize) - 1;
            video.ranges.add(new long[] {first, last});
            instructions.addObject().put("uploadUrl", baseUrl + "/dms-uploads/video/" + key + "/part/" + i
                    + "?ca=vector_feedshare&cn=uploads&m=AQ&app=1953784&sync=0&v=beta").put("lastByte", last)
                    .put("firstByte", first);
        }
        v.put("uploadToken", video.uploadToken);
        videos.put(video.urn, video);
        return ok(value);
    }

    private MockResponse videoPart(RecordedRequest request) {
        List<String> segments = request.getUrl().pathSegments();
        Video video = videos.get("urn:li:video:" + segments.get(2));
        int part = Integer.parseInt(segments.get(4));
        if (video == null || part >= video.ranges.size()) {
            violations.add("PUT to a video part LinkedIn never gave: " + request.getUrl());
            return error(404, 0, "Upload not found");
        }
        if (!"application/octet-stream".equals(request.getHeaders().get("Content-Type"))) {
            violations.add("a video part is sent as application/octet-stream, not " + request.getHeaders()
                    .get("Content-Type"));
        }
        long[] range = video.ranges.get(part);
        ByteString bytes = request.getBody();
        if (bytes == null || bytes.size() != range[1] - range[0] + 1) {
            violations.add("part " + part + " of " + video.urn + " has " + (bytes == null ? 0 : bytes.size())
                    + " bytes, not " + (range[1] - range[0] + 1));
            return error(400, 0, "Wrong part size");
        }
        video.parts.put(part, bytes.toByteArray());
        String etag = "/AQGh0Fb" + Integer.toHexString(bytes.hashCode()) + "-" + part;
        video.etags.put(part, etag);
        return new MockResponse.Builder().code(200).addHeader("ETag", etag).build();
    }

    private MockResponse finalizeVideo(RecordedRequest request) {
        JsonNode body = jsonBody(request);
        if (body == null) {
            return error(400, 0, "Invalid JSON");
        }
        JsonNode finish = body.path("finalizeUploadRequest");
        Video video = videos.get(finish.path("video").asString(""));
        if (video == null) {
            violations.add("finalizeUploadRequest names no video LinkedIn issued: " + body);
            return error(404, 0, "Video not found");
        }
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < video.ranges.size(); i++) {
            expected.add(video.etags.get(i));
        }
        List<String> sent = new ArrayList<>();
        finish.path("uploadedPartIds").forEach(id -> sent.add(id.asString("")));
        if (!finish.path("uploadToken").isString() || !finish.path("uploadToken").asString().equals(video.uploadToken)
                || !sent.equals(expected)) {
            violations.add("finalizeUploadRequest needs the uploadToken and every part's ETag in order: " + body
                    + ", expected " + expected);
            return error(400, 0, "Invalid finalizeUploadRequest");
        }
        video.status = "PROCESSING";
        return new MockResponse.Builder().code(200).build();
    }

    private MockResponse videoStatus(RecordedRequest request) {
        String segment = request.getUrl().encodedPathSegments().get(2);
        if (!segment.startsWith("urn%3Ali%3Avideo%3A")) {
            violations.add("the video's URN is not encoded in the path: " + segment);
            return error(400, 0, "Invalid URN");
        }
        Video video = videos.get(request.getUrl().pathSegments().get(2));
        if (video == null) {
            return error(404, 0, "Video not found");
        }
        if (video.status.equals("PROCESSING") && ++video.polls > pollsUntilAvailable) {
            video.status = videoProcessingFails ? "PROCESSING_FAILED" : "AVAILABLE";
        }
        ObjectNode answer = json.createObjectNode().put("owner", video.owner).put("id", video.urn)
                .put("status", video.status);
        if (video.status.equals("AVAILABLE")) {
            answer.put("downloadUrl", baseUrl + "/dms/video/" + video.urn).put("duration", 12000)
                    .put("aspectRatioWidth", 16.0).put("aspectRatioHeight", 9.0);
        }
        return ok(answer);
    }

    private MockResponse createPost(RecordedRequest request) {
        JsonNode body = jsonBody(request);
        if (body == null) {
            return error(400, 0, "Invalid JSON");
        }
        List<String> problems = postShapeProblems(body);
        if (!problems.isEmpty()) {
            violations.addAll(problems);
            return error(400, 0, String.join("; ", problems));
        }
        String author = body.path("author").asString();
        if (!mayPostAs(author)) {
            return error(403, 100, "Not enough permissions to access: partnerApiPostsExternal.CREATE." + VERSION + "01");
        }
        String commentary = body.path("commentary").asString();
        for (Post p : posts) {
            if (p.author().equals(author) && p.commentary().equals(commentary)) {
                return error(422, 0, "Content is a duplicate of " + p.urn());
            }
        }
        long now = clock.millis();
        Post post = new Post("urn:li:share:" + ids.incrementAndGet(), author, commentary, now, now,
                body.path("content").isMissingNode() ? null : body.path("content"));
        posts.add(post);
        return new MockResponse.Builder().code(201).addHeader("x-restli-id", post.urn())
                .addHeader("Location", "/rest/posts/" + LinkedInApi.encode(post.urn())).build();
    }

    private List<String> postShapeProblems(JsonNode body) {
        List<String> problems = new ArrayList<>();
        String author = body.path("author").asString("");
        if (!author.startsWith("urn:li:person:") && !author.startsWith("urn:li:organization:")) {
            problems.add("author is not a person or organization URN: " + author);
        }
        if (!body.path("commentary").isString()) {
            problems.add("commentary is not a string");
        } else {
            problems.addAll(unescaped(body.path("commentary").asString()));
        }
        if (!Set.of("PUBLIC", "CONNECTIONS", "LOGGED_IN").contains(body.path("visibility").asString(""))) {
            problems.add("visibility is " + body.path("visibility"));
        }
        JsonNode distribution = body.path("distribution");
        if (!Set.of("MAIN_FEED", "NONE").contains(distribution.path("feedDistribution").asString(""))
                || !distribution.path("targetEntities").isArray()
                || !distribution.path("thirdPartyDistributionChannels").isArray()) {
            problems.add("distribution is not {feedDistribution, targetEntities[], thirdPartyDistributionChannels[]}: "
                    + distribution);
        }
        if (!Set.of("PUBLISHED", "DRAFT").contains(body.path("lifecycleState").asString(""))) {
            problems.add("lifecycleState is " + body.path("lifecycleState"));
        }
        if (!body.path("isReshareDisabledByAuthor").isBoolean()) {
            problems.add("isReshareDisabledByAuthor is not a boolean");
        }
        JsonNode content = body.path("content");
        if (!content.isMissingNode()) {
            List<String> referenced = new ArrayList<>();
            if (content.has("media") && !content.has("multiImage") && content.size() == 1) {
                referenced.add(content.path("media").path("id").asString(""));
            } else if (content.has("multiImage") && content.size() == 1) {
                JsonNode list = content.path("multiImage").path("images");
                if (!list.isArray() || list.size() < 2 || list.size() > 20) {
                    problems.add("multiImage.images must hold 2 to 20 images: " + list);
                }
                list.forEach(i -> referenced.add(i.path("id").asString("")));
            } else {
                problems.add("content is neither {media} nor {multiImage}: " + content);
            }
            for (String urn : referenced) {
                if (urn.startsWith("urn:li:video:")) {
                    Video video = videos.get(urn);
                    if (video == null || !"AVAILABLE".equals(video.status) || content.has("multiImage")) {
                        problems.add("the post references " + urn + ", which is not a processed video of its own");
                    } else if (!video.owner.equals(author)) {
                        problems.add(urn + " belongs to " + video.owner + ", not to the post's author " + author);
                    }
                    continue;
                }
                Image image = images.get(urn);
                if (image == null) {
                    problems.add("the post references " + urn + ", which LinkedIn never issued");
                } else if (image.bytes == null) {
                    problems.add("the post references " + urn + " before its bytes were uploaded");
                } else if (!image.owner.equals(author)) {
                    problems.add(urn + " belongs to " + image.owner + ", not to the post's author " + author);
                }
            }
        }
        return problems;
    }

    /** Reserved characters outside an escape or a hashtag template: LinkedIn would cut the post at the first. */
    static List<String> unescaped(String commentary) {
        String rest = HASHTAG_TEMPLATE.matcher(commentary).replaceAll("");
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c == '\\') {
                if (i + 1 >= rest.length() || RESERVED.indexOf(rest.charAt(i + 1)) < 0) {
                    problems.add("commentary has a lone backslash at " + i + ": " + commentary);
                }
                i++;
            } else if (RESERVED.indexOf(c) >= 0) {
                problems.add("commentary has an unescaped '" + c + "' at " + i + ": " + commentary);
            }
        }
        return problems;
    }

    private MockResponse findPosts(RecordedRequest request) {
        var url = request.getUrl();
        if (!"author".equals(url.queryParameter("q"))) {
            violations.add("GET /rest/posts without q=author: " + url);
            return error(400, 0, "Invalid finder");
        }
        String author = url.queryParameter("author");
        if (author == null || !url.encodedQuery().contains("author=urn%3Ali%3A")) {
            violations.add("the author finder's author is not an encoded URN: " + url.encodedQuery());
            return error(400, 0, "Invalid author");
        }
        String sortBy = url.queryParameter("sortBy");
        if (sortBy != null && !Set.of("LAST_MODIFIED", "CREATED").contains(sortBy)) {
            violations.add("sortBy is " + sortBy);
            return error(400, 0, "Invalid sortBy");
        }
        if (author.startsWith("urn:li:person:") ? !memberPostsReadable : !mayPostAs(author)) {
            return error(403, 100, "Not enough permissions to access: partnerApiPostsExternal.FINDER-author."
                    + VERSION + "01");
        }
        Comparator<Post> order = "CREATED".equals(sortBy) ? Comparator.comparingLong(Post::createdAt)
                : Comparator.comparingLong(Post::lastModifiedAt);
        List<Post> mine = posts.stream().filter(p -> p.author().equals(author)).sorted(order.reversed()).toList();
        ObjectNode page = json.createObjectNode();
        ArrayNode elements = page.putArray("elements");
        for (Post p : paged(request, mine)) {
            ObjectNode e = elements.addObject();
            e.put("isReshareDisabledByAuthor", false).put("createdAt", p.createdAt())
                    .put("lifecycleState", "PUBLISHED").put("lastModifiedAt", p.lastModifiedAt())
                    .put("visibility", "PUBLIC").put("publishedAt", p.createdAt()).put("author", p.author())
                    .put("id", p.urn()).put("commentary", p.commentary());
            e.putObject("distribution").put("feedDistribution", "MAIN_FEED").putArray("thirdPartyDistributionChannels");
            if (p.content() != null) {
                e.set("content", p.content());
            }
            e.putObject("lifecycleStateInfo").put("isEditedByAuthor", p.lastModifiedAt() != p.createdAt());
        }
        paging(page, request, mine.size());
        return ok(page);
    }

    private MockResponse comment(RecordedRequest request) {
        String segment = request.getUrl().encodedPathSegments().get(2);
        if (!segment.startsWith("urn%3Ali%3A")) {
            violations.add("the commented post's URN is not encoded in the path: " + segment);
            return error(400, 0, "Invalid URN");
        }
        String target = request.getUrl().pathSegments().get(2);
        Post post = posts.stream().filter(p -> p.urn().equals(target)).findFirst().orElse(null);
        JsonNode body = jsonBody(request);
        if (body == null) {
            return error(400, 0, "Invalid JSON");
        }
        if (post == null) {
            return error(404, 0, target + " not found");
        }
        String actor = body.path("actor").asString("");
        if (!body.path("object").asString("").equals(target) || !body.path("message").path("text").isString()
                || body.path("message").path("text").asString().isBlank()) {
            violations.add("a comment is {actor, object: the post's URN, message: {text}}: " + body);
            return error(422, 0, "Invalid comment");
        }
        if (!mayPostAs(actor)) {
            return error(403, 100, "Not enough permissions to access: socialActions.comments.CREATE." + VERSION + "01");
        }
        long id = ids.incrementAndGet();
        String urn = "urn:li:comment:(" + target + "," + id + ")";
        comments.add(new Comment(urn, target, actor, body.path("message").path("text").asString()));
        long now = clock.millis();
        ObjectNode created = json.createObjectNode().put("actor", actor).put("agent", MEMBER).put("commentUrn", urn)
                .put("id", String.valueOf(id)).put("object", target);
        created.putObject("created").put("actor", MEMBER).put("time", now);
        created.putObject("lastModified").put("actor", MEMBER).put("time", now);
        created.set("message", body.path("message"));
        return new MockResponse.Builder().code(201).addHeader("Content-Type", "application/json")
                .body(json.writeValueAsString(created)).build();
    }

    private MockResponse socialActions(RecordedRequest request) {
        String segment = request.getUrl().encodedPathSegments().get(2);
        String target = request.getUrl().pathSegments().get(2);
        if (!segment.startsWith("urn%3Ali%3A")) {
            violations.add("the post's URN is not encoded in the path: " + segment);
            return error(400, 0, "Invalid URN");
        }
        if (posts.stream().noneMatch(p -> p.urn().equals(target))) {
            return error(404, 0, target + " not found");
        }
        Numbers n = numbers.getOrDefault(target, new Numbers(0, 0, 0, 0, 0, 0));
        ObjectNode social = json.createObjectNode();
        social.putObject("commentsSummary").put("aggregatedTotalComments", n.comments())
                .put("totalFirstLevelComments", n.comments()).putArray("selectedComments");
        social.putObject("likesSummary").put("aggregatedTotalLikes", n.likes()).put("totalLikes", n.likes())
                .put("likedByCurrentUser", false).putArray("selectedLikes");
        social.put("target", target);
        return ok(social);
    }

    private MockResponse statistics(RecordedRequest request) {
        var url = request.getUrl();
        String organization = url.queryParameter("organizationalEntity");
        if (!"organizationalEntity".equals(url.queryParameter("q")) || organization == null
                || !url.encodedQuery().contains("organizationalEntity=urn%3Ali%3Aorganization%3A")) {
            violations.add("share statistics need q=organizationalEntity and an encoded organization URN: "
                    + url.encodedQuery());
            return error(400, 0, "Invalid finder");
        }
        if (!mayPostAs(organization)) {
            return error(403, 100, "Not enough permissions to access: organizationalEntityShareStatistics");
        }
        String param = url.queryParameter("shares") != null ? "shares" : "ugcPosts";
        String list = url.queryParameter(param);
        String prefix = param.equals("shares") ? "urn:li:share:" : "urn:li:ugcPost:";
        if (list == null || !list.startsWith("List(") || !url.encodedQuery().contains(param + "=List(urn%3Ali%3A")) {
            violations.add("share statistics need shares=List(encoded URNs) or ugcPosts=List(...): "
                    + url.encodedQuery());
            return error(400, 0, "Invalid list");
        }
        ObjectNode page = json.createObjectNode();
        ArrayNode elements = page.putArray("elements");
        for (String urn : list.substring(5, list.length() - 1).split(",")) {
            if (!urn.startsWith(prefix)) {
                violations.add(urn + " asked as one of " + param);
                return error(400, 0, urn + " is not one of " + param);
            }
            Numbers n = numbers.getOrDefault(urn, new Numbers(0, 0, 0, 0, 0, 0));
            ObjectNode e = elements.addObject();
            double rate = n.impressions() == 0 ? 0
                    : (double) (n.clicks() + n.likes() + n.comments() + n.shares()) / n.impressions();
            e.putObject("totalShareStatistics").put("uniqueImpressionsCount", n.uniqueImpressions())
                    .put("shareCount", n.shares()).put("engagement", rate).put("clickCount", n.clicks())
                    .put("likeCount", n.likes()).put("impressionCount", n.impressions())
                    .put("commentCount", n.comments());
            e.put(param.equals("shares") ? "share" : "ugcPost", urn).put("organizationalEntity", organization);
        }
        paging(page, request, elements.size());
        return ok(page);
    }

    private boolean mayPostAs(String urn) {
        return MEMBER.equals(urn) || organizations.stream()
                .anyMatch(o -> o.urn().equals(urn) && POSTING_ROLES.contains(o.role()));
    }

    private <T> List<T> paged(RecordedRequest request, List<T> all) {
        int start = intParam(request, "start", 0);
        int count = intParam(request, "count", 10);
        if (count > 100) {
            violations.add("count " + count + " is above LinkedIn's page size of 100");
        }
        return all.subList(Math.min(start, all.size()), Math.min(all.size(), start + count));
    }

    private void paging(ObjectNode page, RecordedRequest request, int total) {
        page.putObject("paging").put("start", intParam(request, "start", 0)).put("count", intParam(request, "count", 10))
                .put("total", total).putArray("links");
    }

    private static int intParam(RecordedRequest request, String name, int otherwise) {
        String value = request.getUrl().queryParameter(name);
        return value == null ? otherwise : Integer.parseInt(value);
    }

    private JsonNode jsonBody(RecordedRequest request) {
        if (!"application/json".equals(request.getHeaders().get("Content-Type"))) {
            violations.add(request.getRequestLine() + " with Content-Type " + request.getHeaders().get("Content-Type"));
        }
        try {
            return json.readTree(request.getBody() == null ? "" : request.getBody().utf8());
        } catch (RuntimeException e) {
            violations.add(request.getRequestLine() + ": the body is not JSON");
            return null;
        }
    }

    private MockResponse ok(JsonNode body) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body(json.writeValueAsString(body)).build();
    }

    private MockResponse error(int status, int serviceErrorCode, String message) {
        ObjectNode body = json.createObjectNode();
        if (serviceErrorCode != 0) {
            body.put("serviceErrorCode", serviceErrorCode);
        }
        body.put("message", message).put("status", status);
        return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json")
                .body(json.writeValueAsString(body)).build();
    }
}

package io.flightdeck.publishing.networks.x;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * X's API v2 as documented, for MockWebServer: the signed-in user, chunked media upload (initialize, append,
 * finalize, status), creating posts and replies, one post with its metrics, and a user's posts timeline with
 * pagination. It checks each request's shape (bearer token, JSON bodies and their fields, multipart segments in order,
 * appended bytes equal to {@code total_bytes}, media finalized and processed before a post names it, query
 * parameters) and answers in X's shapes, rendering a post's text as X does: {@code &}, {@code <}, {@code >} escaped,
 * links rewritten to {@code t.co} with {@code entities.urls}, a {@code t.co} link appended for attached media.
 * <p>
 * Each {@link Trouble} switch makes one kind of call fail the way X does (429 with {@code x-rate-limit-*} headers, the
 * daily cap, 401, the duplicate 403, a 400 invalid request, 503, or an answer slower than the client waits). A request
 * that breaks the documented shape is answered 400 and recorded in {@link #violations}.
 */
public class FakeX extends Dispatcher {

    public static final String TOKEN = "x-user-access-token";
    public static final String USER_ID = "1580661436132757507";
    public static final String USERNAME = "acmecoffee";
    public static final String NAME = "Acme Coffee";
    public static final String DUPLICATE = "{\"detail\":\"You are not allowed to create a Tweet with duplicate content.\","
            + "\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403}";
    static final int MAX_SEGMENT = 5 * 1024 * 1024;
    private static final long SNOWFLAKE_EPOCH_MILLIS = 1288834974657L;
    private static final Set<String> MEDIA_TYPES = Set.of("video/mp4", "video/webm", "video/mp2t", "video/quicktime",
            "image/jpeg", "image/gif", "image/bmp", "image/png", "image/webp", "image/pjpeg", "image/tiff");
    private static final Set<String> TWEET_FIELDS = Set.of("attachments", "author_id", "context_annotations",
            "conversation_id", "created_at", "edit_controls", "edit_history_tweet_ids", "entities", "geo", "id",
            "in_reply_to_user_id", "lang", "non_public_metrics", "note_tweet", "organic_metrics", "possibly_sensitive",
            "promoted_metrics", "public_metrics", "referenced_tweets", "reply_settings", "source", "text", "withheld");
    private static final Set<String> CREATE_FIELDS = Set.of("text", "media", "reply", "quote_tweet_id", "poll",
            "reply_settings", "for_super_followers_only", "direct_message_deep_link", "geo", "nullcast", "card_uri",
            "community_id", "share_with_followers", "made_with_ai", "paid_partnership");
    private static final Pattern LINK = Pattern.compile("https?://\\S+|\\b[a-z0-9-]+\\.(?:com|io|org|co)\\b(?:/\\S*)?");
    /** How far back the user timeline reaches: the account's most recent posts. */
    static final int REACH = 3200;
    private static final Pattern SECONDS = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");

    /** How one kind of call fails. */
    public enum Trouble { RATE_LIMITED, DAILY_CAP, UNAUTHORIZED, DUPLICATE, INVALID, UNAVAILABLE, SLOW }

    /** A post on the fake network; its numbers can be set by a test. */
    public static final class Tweet {
        public final String id;
        public final String text;
        public final Instant createdAt;
        public final List<String> mediaIds;
        public final String replyTo;
        public final Map<String, Long> publicMetrics = new LinkedHashMap<>();
        public final Map<String, Long> privateMetrics = new LinkedHashMap<>();

        Tweet(String id, String text, Instant createdAt, List<String> mediaIds, String replyTo) {
            this.id = id;
            this.text = text;
            this.createdAt = createdAt;
            this.mediaIds = mediaIds;
            this.replyTo = replyTo;
            for (String count : List.of("retweet_count", "reply_count", "like_count", "quote_count", "bookmark_count",
                    "impression_count")) {
                publicMetrics.put(count, 0L);
            }
            privateMetrics.put("impression_count", 0L);
            privateMetrics.put("user_profile_clicks", 0L);
            if (text != null && LINK.matcher(text).find()) {
                privateMetrics.put("url_link_clicks", 0L); // X leaves it out for posts without links
            }
        }
    }

    static final class Upload {
        final String id;
        final String category;
        final long totalBytes;
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int segments;
        boolean finalized;
        String state;
        int checks;

        Upload(String id, String category, long totalBytes) {
            this.id = id;
            this.category = category;
            this.totalBytes = totalBytes;
        }
    }

    public final List<String> violations = new CopyOnWriteArrayList<>();
    /** Every post, seeded or created, oldest first. */
    public final List<Tweet> tweets = new CopyOnWriteArrayList<>();
    /** The posts and replies created through the API, oldest first. */
    public final List<Tweet> created = new CopyOnWriteArrayList<>();
    /** Segments appended, as "media id:index:bytes". */
    public final List<String> appended = new CopyOnWriteArrayList<>();
    public final List<Integer> statusChecks = new CopyOnWriteArrayList<>();
    /** How creating a post (not a reply) fails; SLOW creates it but answers late. */
    public volatile Trouble onPost;
    /** How creating a reply fails. */
    public volatile Trouble onReply;
    /** How {@code initialize} fails; SLOW delays {@code append} instead. */
    public volatile Trouble onUpload;
    /** How every GET fails (after the good ones {@link #failReadsAfter} allows). */
    public volatile Trouble onRead;
    private volatile int goodReads;
    private final AtomicLong reads = new AtomicLong();
    /** How many status checks a video or GIF stays {@code in_progress} before it succeeds. */
    public volatile int processingChecks = 2;
    /** When set, processing ends {@code failed} with this message. */
    public volatile String processingError;
    public volatile Duration slowFor = Duration.ofSeconds(3);
    /** Answers every request for non-public metrics with X's field authorization error, as for another's post. */
    public volatile boolean refusePrivateMetrics;
    /** The access tokens X takes: {@link #TOKEN}, or those a fake authorisation server handed out. */
    public volatile java.util.function.Predicate<String> accepts = TOKEN::equals;
    private final Map<String, Upload> uploads = new ConcurrentHashMap<>();
    private final JsonMapper json = JsonMapper.builder().build();
    private final AtomicLong sequence = new AtomicLong();
    private final Clock clock;

    public FakeX(Clock clock) {
        this.clock = clock;
    }

    /** A post already on the account (or, with {@code replyTo}, a reply). */
    public Tweet seed(String text, Instant createdAt, String replyTo) {
        Tweet t = new Tweet(snowflake(createdAt), text, createdAt, List.of(), replyTo);
        tweets.add(t);
        return t;
    }

    /** Answers the next {@code good} GETs, then fails every one as {@code trouble} (a failure on a later page). */
    public void failReadsAfter(int good, Trouble trouble) {
        reads.set(0);
        goodReads = good;
        onRead = trouble;
    }

    public Tweet tweet(String id) {
        return tweets.stream().filter(t -> t.id.equals(id)).findFirst().orElse(null);
    }

    public byte[] bytes(String mediaId) {
        return uploads.get(mediaId).bytes.toByteArray();
    }

    Upload upload(String mediaId) {
        return uploads.get(mediaId);
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        String method = request.getMethod();
        String authorization = request.getHeaders().get("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ") || !accepts.test(authorization.substring(7))) {
            return trouble(Trouble.UNAUTHORIZED);
        }
        try {
            if ("GET".equals(method) && path.equals("/2/users/me")) {
                return read(() -> answer(200, json.createObjectNode().set("data", json.createObjectNode()
                        .put("id", USER_ID).put("name", NAME).put("username", USERNAME))));
            }
            if ("POST".equals(method) && path.equals("/2/media/upload/initialize")) {
                return initialize(request);
            }
            Matcher upload = Pattern.compile("/2/media/upload/(\\d+)/(append|finalize)").matcher(path);
            if ("POST".equals(method) && upload.matches()) {
                return upload.group(2).equals("append") ? append(request, upload.group(1)) : finalize(upload.group(1));
            }
            if ("GET".equals(method) && path.equals("/2/media/upload")) {
                return status(request);
            }
            if ("POST".equals(method) && path.equals("/2/tweets")) {
                return create(request);
            }
            Matcher one = Pattern.compile("/2/tweets/(\\d+)").matcher(path);
            if ("GET".equals(method) && one.matches()) {
                return read(() -> lookup(request, one.group(1)));
            }
            Matcher timeline = Pattern.compile("/2/users/([^/]+)/tweets").matcher(path);
            if ("GET".equals(method) && timeline.matches()) {
                return read(() -> timeline(request, timeline.group(1)));
            }
        } catch (Violation v) {
            return v.answer;
        }
        return violation(method + " " + path + " is not an X API v2 endpoint the adapter should call");
    }

    // --- media upload ---

    private MockResponse initialize(RecordedRequest request) {
        JsonNode body = jsonBody(request);
        String type = body.path("media_type").asString("");
        String category = body.path("media_category").asString("");
        JsonNode total = body.path("total_bytes");
        if (!MEDIA_TYPES.contains(type)) {
            throw violated("initialize: media_type " + type + " is not one X takes");
        }
        if (!total.isIntegralNumber() || total.asLong() <= 0) {
            throw violated("initialize: total_bytes is " + total);
        }
        String expected = type.equals("image/gif") ? "tweet_gif" : type.startsWith("video/") ? "tweet_video" : "tweet_image";
        if (!category.equals(expected)) {
            throw violated("initialize: media_category " + category + " for " + type);
        }
        for (String field : body.propertyNames()) {
            if (!Set.of("media_type", "total_bytes", "media_category", "additional_owners", "shared").contains(field)) {
                throw violated("initialize: unknown field " + field);
            }
        }
        if (onUpload != null && onUpload != Trouble.SLOW) {
            return trouble(onUpload);
        }
        long limit = switch (category) {
            case "tweet_image" -> 5L * 1024 * 1024;
            case "tweet_gif" -> 15L * 1024 * 1024;
            default -> 512L * 1024 * 1024;
        };
        if (total.asLong() > limit) {
            return invalid("total_bytes", String.valueOf(total.asLong()), "File size exceeds " + limit + " bytes.");
        }
        Upload u = new Upload(snowflake(clock.instant()), category, total.asLong());
        uploads.put(u.id, u);
        ObjectNode data = json.createObjectNode().put("id", u.id).put("media_key", mediaKey(u))
                .put("expires_after_secs", 86400);
        return answer(200, json.createObjectNode().set("data", data));
    }

    private MockResponse append(RecordedRequest request, String id) {
        Upload u = uploads.get(id);
        if (u == null) {
            throw violated("append to unknown media " + id);
        }
        if (u.finalized) {
            throw violated("append to media " + id + " after finalize");
        }
        Map<String, Part> parts = multipart(request);
        Part index = parts.get("segment_index");
        Part media = parts.get("media");
        if (index == null || media == null) {
            throw violated("append without " + (index == null ? "segment_index" : "media"));
        }
        if (media.fileName == null) {
            throw violated("append: the media part is not a file");
        }
        int segment;
        try {
            segment = Integer.parseInt(new String(index.bytes, StandardCharsets.US_ASCII).strip());
        } catch (NumberFormatException e) {
            throw violated("append: segment_index is not a number");
        }
        if (segment != u.segments || segment > 999) {
            throw violated("append: segment " + segment + " where " + u.segments + " was due");
        }
        if (media.bytes.length == 0 || media.bytes.length > MAX_SEGMENT) {
            throw violated("append: a segment of " + media.bytes.length + " bytes");
        }
        if (u.bytes.size() + media.bytes.length > u.totalBytes) {
            throw violated("append: more bytes than total_bytes " + u.totalBytes);
        }
        if (onUpload == Trouble.SLOW) {
            return slow(answer(200, json.createObjectNode().set("data", json.createObjectNode().put("expires_at", 0))));
        }
        u.bytes.writeBytes(media.bytes);
        u.segments++;
        appended.add(id + ":" + segment + ":" + media.bytes.length);
        long expires = clock.instant().plus(Duration.ofDays(1)).getEpochSecond();
        return answer(200, json.createObjectNode().set("data", json.createObjectNode().put("expires_at", expires)));
    }

    private MockResponse finalize(String id) {
        Upload u = uploads.get(id);
        if (u == null) {
            throw violated("finalize of unknown media " + id);
        }
        if (u.bytes.size() != u.totalBytes) {
            throw violated("finalize: " + u.bytes.size() + " bytes appended, total_bytes said " + u.totalBytes);
        }
        u.finalized = true;
        ObjectNode data = mediaData(u);
        if (u.category.equals("tweet_image")) {
            u.state = "succeeded";
        } else {
            u.state = "pending";
            data.putObject("processing_info").put("state", "pending").put("check_after_secs", 1);
        }
        return answer(200, json.createObjectNode().set("data", data));
    }

    private MockResponse status(RecordedRequest request) {
        String id = request.getUrl().queryParameter("media_id");
        if (!"STATUS".equals(request.getUrl().queryParameter("command"))) {
            throw violated("status without command=STATUS");
        }
        Upload u = id == null ? null : uploads.get(id);
        if (u == null || !u.finalized) {
            throw violated("status of media " + id + " that was not finalized");
        }
        if (u.category.equals("tweet_image")) {
            throw violated("status of an image, whose finalize had no processing_info");
        }
        u.checks++;
        statusChecks.add(u.checks);
        ObjectNode info = json.createObjectNode();
        if (u.checks <= processingChecks) {
            u.state = "in_progress";
            info.put("state", "in_progress").put("check_after_secs", 1).put("progress_percent", 100 * u.checks
                    / (processingChecks + 1));
        } else if (processingError != null) {
            u.state = "failed";
            info.put("state", "failed").put("progress_percent", 100).putObject("error").put("code", 3)
                    .put("name", "InvalidMedia").put("message", processingError);
        } else {
            u.state = "succeeded";
            info.put("state", "succeeded").put("progress_percent", 100);
        }
        ObjectNode data = mediaData(u);
        data.set("processing_info", info);
        return answer(200, json.createObjectNode().set("data", data));
    }

    private ObjectNode mediaData(Upload u) {
        return json.createObjectNode().put("id", u.id).put("media_key", mediaKey(u)).put("size", u.totalBytes)
                .put("expires_after_secs", 86400);
    }

    private static String mediaKey(Upload u) {
        return (u.category.equals("tweet_image") ? "3_" : u.category.equals("tweet_gif") ? "16_" : "7_") + u.id;
    }

    // --- posts ---

    private MockResponse create(RecordedRequest request) {
        JsonNode body = jsonBody(request);
        for (String field : body.propertyNames()) {
            if (!CREATE_FIELDS.contains(field)) {
                throw violated("create: unknown field " + field);
            }
            if (!Set.of("text", "media", "reply").contains(field)) {
                throw violated("create: the adapter sent " + field + ", which it has no reason to");
            }
        }
        JsonNode text = body.path("text");
        if (!text.isMissingNode() && !text.isString()) {
            throw violated("create: text is not a string");
        }
        List<String> mediaIds = new ArrayList<>();
        if (body.has("media")) {
            JsonNode ids = body.path("media").path("media_ids");
            if (!ids.isArray() || ids.isEmpty() || ids.size() > 4) {
                throw violated("create: media.media_ids must be an array of 1 to 4 ids");
            }
            for (JsonNode id : ids) {
                Upload u = id.isString() ? uploads.get(id.asString()) : null;
                if (u == null || !u.finalized || !"succeeded".equals(u.state)) {
                    throw violated("create: media " + id + " is not uploaded, finalized and processed");
                }
                mediaIds.add(id.asString());
            }
        }
        if (!text.isString() && mediaIds.isEmpty()) {
            throw violated("create: neither text nor media");
        }
        String replyTo = null;
        if (body.has("reply")) {
            replyTo = body.path("reply").path("in_reply_to_tweet_id").asString("");
            if (tweet(replyTo) == null) {
                throw violated("create: reply to unknown post " + replyTo);
            }
        }
        Trouble trouble = replyTo == null ? onPost : onReply;
        if (trouble != null && trouble != Trouble.SLOW) {
            return trouble(trouble);
        }
        Tweet t = new Tweet(snowflake(clock.instant()), text.isString() ? text.asString() : null, clock.instant(),
                mediaIds, replyTo);
        tweets.add(t);
        created.add(t);
        ObjectNode data = json.createObjectNode().put("id", t.id).put("text", rendered(t).text);
        data.putArray("edit_history_tweet_ids").add(t.id);
        MockResponse created = answer(201, json.createObjectNode().set("data", data));
        return trouble == Trouble.SLOW ? slow(created) : created;
    }

    private MockResponse lookup(RecordedRequest request, String id) {
        Set<String> fields = fields(request);
        checkParameters(request, Set.of("tweet.fields", "expansions", "media.fields", "user.fields"));
        Tweet t = tweet(id);
        if (t == null) {
            return answer(200, json.createObjectNode().set("errors", json.createArrayNode().add(json.createObjectNode()
                    .put("value", id).put("detail", "Could not find tweet with id: [" + id + "].")
                    .put("title", "Not Found Error").put("resource_type", "tweet").put("parameter", "id")
                    .put("resource_id", id).put("type", "https://api.twitter.com/2/problems/resource-not-found"))));
        }
        if (fields.contains("non_public_metrics")
                && (refusePrivateMetrics || t.createdAt.isBefore(clock.instant().minus(Duration.ofDays(30))))) {
            return answer(200, json.createObjectNode().set("errors", json.createArrayNode().add(json.createObjectNode()
                    .put("value", id).put("detail", "Sorry, you are not authorized to access 'non_public_metrics' on "
                            + "the Tweet with ids [" + id + "].")
                    .put("title", "Field Authorization Error").put("resource_type", "tweet")
                    .put("parameter", "non_public_metrics").put("resource_id", id).put("field", "non_public_metrics")
                    .put("type", "https://api.twitter.com/2/problems/not-authorized-for-field"))));
        }
        return answer(200, json.createObjectNode().set("data", tweetJson(t, fields)));
    }

    /**
     * {@code GET /2/users/{id}/tweets} as X documents it (our reading: docs.x.com/x-api/posts/user-posts-timeline-by-user-id
     * and docs.x.com/x-api/posts/timelines; see {@code XTimelineLookup}): newest first; {@code start_time} and
     * {@code end_time} as {@code YYYY-MM-DDTHH:mm:ssZ}, whole seconds, the start inclusive and the end exclusive (the
     * stricter of the reference's two readings, so an adapter that relies on the end's own second is caught); without
     * an end, up to now; {@code since_id} / {@code until_id} exclusive and taking precedence over the times;
     * {@code max_results} 5–100 (10 when absent); {@code meta.next_token} for the next page, taken back as
     * {@code pagination_token}; and never more than the account's 3,200 most recent posts.
     */
    private MockResponse timeline(RecordedRequest request, String user) {
        if (!user.equals(USER_ID)) {
            throw violated("timeline of " + user + ", not the connected account " + USER_ID);
        }
        checkParameters(request, Set.of("start_time", "end_time", "since_id", "until_id", "max_results",
                "pagination_token", "exclude", "tweet.fields", "expansions", "media.fields", "user.fields"));
        Set<String> fields = fields(request);
        Instant from = time(request, "start_time", Instant.EPOCH);
        Instant to = time(request, "end_time", clock.instant());
        if (!from.isBefore(to)) {
            throw violated("start_time " + from + " is not before end_time " + to);
        }
        Long sinceId = id(request, "since_id");
        Long untilId = id(request, "until_id");
        int max = 10;
        String maxResults = request.getUrl().queryParameter("max_results");
        if (maxResults != null) {
            max = Integer.parseInt(maxResults);
            if (max < 5 || max > 100) {
                throw violated("max_results " + max + " is outside 5–100");
            }
        }
        int offset = 0;
        String token = request.getUrl().queryParameter("pagination_token");
        if (token != null) {
            if (!token.startsWith("7140dibdnow9c7btw4")) {
                throw violated("pagination_token " + token + " was never handed out");
            }
            offset = Integer.parseInt(token.substring("7140dibdnow9c7btw4".length()), 36);
        }
        List<Tweet> newestFirst = new ArrayList<>(tweets);
        newestFirst.sort(Comparator.comparing((Tweet t) -> t.createdAt).thenComparing(t -> Long.parseLong(t.id))
                .reversed());
        List<Tweet> matching = newestFirst.subList(0, Math.min(REACH, newestFirst.size())).stream().filter(t -> {
            long id = Long.parseLong(t.id);
            boolean after = sinceId != null ? id > sinceId : !t.createdAt.isBefore(from);
            boolean before = untilId != null ? id < untilId : t.createdAt.isBefore(to);
            return after && before;
        }).toList();
        List<Tweet> page = matching.subList(Math.min(offset, matching.size()), Math.min(offset + max, matching.size()));
        ObjectNode answer = json.createObjectNode();
        if (!page.isEmpty()) {
            ArrayNode data = answer.putArray("data");
            page.forEach(t -> data.add(tweetJson(t, fields)));
        }
        ObjectNode meta = answer.putObject("meta").put("result_count", page.size());
        if (!page.isEmpty()) {
            meta.put("newest_id", page.get(0).id).put("oldest_id", page.get(page.size() - 1).id);
        }
        if (offset + max < matching.size()) {
            meta.put("next_token", "7140dibdnow9c7btw4" + Integer.toString(offset + max, 36));
        }
        return answer(200, answer);
    }

    private Instant time(RecordedRequest request, String name, Instant absent) {
        String value = request.getUrl().queryParameter(name);
        if (value == null) {
            return absent;
        }
        if (!SECONDS.matcher(value).matches()) {
            throw violated(name + " " + value + " is not YYYY-MM-DDTHH:mm:ssZ");
        }
        Instant at = Instant.parse(value);
        if (at.isBefore(Instant.parse("2010-11-06T00:00:00Z"))) {
            throw violated(name + " " + value + " is before 2010-11-06T00:00:00Z, the earliest X takes");
        }
        return at;
    }

    private Long id(RecordedRequest request, String name) {
        String value = request.getUrl().queryParameter(name);
        if (value == null) {
            return null;
        }
        if (!value.matches("[0-9]{1,19}")) {
            throw violated(name + " " + value + " is not a post id");
        }
        return Long.parseLong(value);
    }

    private ObjectNode tweetJson(Tweet t, Set<String> fields) {
        Rendered r = rendered(t);
        ObjectNode node = json.createObjectNode().put("id", t.id).put("text", r.text);
        node.putArray("edit_history_tweet_ids").add(t.id);
        if (fields.contains("created_at")) {
            node.put("created_at", t.createdAt.truncatedTo(ChronoUnit.MILLIS).toString());
        }
        if (fields.contains("entities") && !r.urls.isEmpty()) {
            node.putObject("entities").set("urls", r.urls);
        }
        if (fields.contains("referenced_tweets") && t.replyTo != null) {
            node.putArray("referenced_tweets").addObject().put("type", "replied_to").put("id", t.replyTo);
        }
        if (fields.contains("public_metrics")) {
            ObjectNode metrics = node.putObject("public_metrics");
            t.publicMetrics.forEach(metrics::put);
        }
        if (fields.contains("non_public_metrics")) {
            ObjectNode metrics = node.putObject("non_public_metrics");
            t.privateMetrics.forEach(metrics::put);
        }
        return node;
    }

    record Rendered(String text, ArrayNode urls) {
    }

    /** The text as X shows it: links become t.co with their entities, media adds one, and &amp;, &lt;, &gt; escaped. */
    private Rendered rendered(Tweet t) {
        ArrayNode urls = json.createArrayNode();
        StringBuilder text = new StringBuilder();
        String source = t.text == null ? "" : t.text;
        Matcher m = LINK.matcher(source);
        int last = 0;
        while (m.find()) {
            text.append(escape(source.substring(last, m.start())));
            String shortUrl = "https://t.co/" + Integer.toString(Math.abs((t.id + m.group()).hashCode()), 36);
            urls.addObject().put("start", text.length()).put("end", text.length() + shortUrl.length())
                    .put("url", shortUrl).put("expanded_url", m.group().startsWith("http") ? m.group() : "http://" + m.group())
                    .put("display_url", m.group().replaceFirst("^https?://", ""));
            text.append(shortUrl);
            last = m.end();
        }
        text.append(escape(source.substring(last)));
        if (!t.mediaIds.isEmpty()) {
            String shortUrl = "https://t.co/m" + Integer.toString(Math.abs(t.id.hashCode()), 36);
            text.append(text.length() == 0 ? "" : " ");
            urls.addObject().put("start", text.length()).put("end", text.length() + shortUrl.length())
                    .put("url", shortUrl).put("expanded_url", "https://x.com/" + USERNAME + "/status/" + t.id + "/photo/1")
                    .put("display_url", "pic.x.com/" + t.id).put("media_key", mediaKey(uploads.get(t.mediaIds.get(0))));
            text.append(shortUrl);
        }
        return new Rendered(text.toString(), urls);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    // --- checks and answers ---

    private Set<String> fields(RecordedRequest request) {
        String value = request.getUrl().queryParameter("tweet.fields");
        if (value == null) {
            return Set.of();
        }
        Set<String> fields = Set.copyOf(Arrays.asList(value.split(",")));
        for (String f : fields) {
            if (!TWEET_FIELDS.contains(f)) {
                throw violated("tweet.fields names " + f + ", which X does not have");
            }
        }
        return fields;
    }

    private void checkParameters(RecordedRequest request, Set<String> allowed) {
        for (String name : request.getUrl().queryParameterNames()) {
            if (!allowed.contains(name)) {
                throw violated("query parameter " + name + " is not documented here");
            }
        }
    }

    private JsonNode jsonBody(RecordedRequest request) {
        String type = request.getHeaders().get("Content-Type");
        if (type == null || !type.startsWith("application/json")) {
            throw violated(request.getUrl().encodedPath() + ": Content-Type is " + type + ", not application/json");
        }
        try {
            JsonNode body = json.readTree(request.getBody() == null ? "" : request.getBody().utf8());
            if (!body.isObject()) {
                throw violated(request.getUrl().encodedPath() + ": the body is not a JSON object");
            }
            return body;
        } catch (RuntimeException notJson) {
            if (notJson instanceof Violation v) {
                throw v;
            }
            throw violated(request.getUrl().encodedPath() + ": the body is not JSON");
        }
    }

    record Part(String fileName, byte[] bytes) {
    }

    /** A multipart/form-data body by RFC 7578: parts between boundary lines, each with its headers. */
    private Map<String, Part> multipart(RecordedRequest request) {
        String type = request.getHeaders().get("Content-Type");
        Matcher boundary = type == null ? null : Pattern.compile("^multipart/form-data;\\s*boundary=\"?([^\";]+)\"?")
                .matcher(type);
        if (boundary == null || !boundary.find()) {
            throw violated("append: Content-Type is " + type + ", not multipart/form-data with a boundary");
        }
        byte[] body = request.getBody() == null ? new byte[0] : request.getBody().toByteArray();
        byte[] delimiter = ("--" + boundary.group(1)).getBytes(StandardCharsets.US_ASCII);
        Map<String, Part> parts = new HashMap<>();
        int at = indexOf(body, delimiter, 0);
        if (at != 0) {
            throw violated("append: the body does not start with the boundary");
        }
        while (true) {
            int after = at + delimiter.length;
            if (after + 1 < body.length && body[after] == '-' && body[after + 1] == '-') {
                return parts;
            }
            if (after + 1 >= body.length || body[after] != '\r' || body[after + 1] != '\n') {
                throw violated("append: a boundary line is not ended by CRLF");
            }
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), after + 2);
            int next = indexOf(body, ("\r\n--" + boundary.group(1)).getBytes(StandardCharsets.US_ASCII), after + 2);
            if (headersEnd < 0 || next < 0 || headersEnd > next) {
                throw violated("append: a part without headers or without a closing boundary");
            }
            String headers = new String(body, after + 2, headersEnd - after - 2, StandardCharsets.UTF_8);
            Matcher name = Pattern.compile("(?i)content-disposition:\\s*form-data;\\s*name=\"([^\"]+)\"(?:;\\s*filename=\"([^\"]*)\")?")
                    .matcher(headers);
            if (!name.find()) {
                throw violated("append: a part without Content-Disposition: form-data; name=...");
            }
            parts.put(name.group(1), new Part(name.group(2), Arrays.copyOfRange(body, headersEnd + 4, next)));
            at = next + 2;
        }
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

    private MockResponse read(Supplier<MockResponse> answer) {
        Trouble trouble = onRead;
        if (trouble == null || reads.incrementAndGet() <= goodReads) {
            return answer.get();
        }
        return trouble == Trouble.SLOW ? slow(answer.get()) : trouble(trouble);
    }

    private MockResponse trouble(Trouble trouble) {
        long window = clock.instant().plus(Duration.ofMinutes(15)).getEpochSecond();
        return switch (trouble) {
            case RATE_LIMITED -> new MockResponse.Builder().code(429).addHeader("Content-Type", "application/json")
                    .addHeader("x-rate-limit-limit", "100").addHeader("x-rate-limit-remaining", "0")
                    .addHeader("x-rate-limit-reset", String.valueOf(window))
                    .body("{\"title\":\"Too Many Requests\",\"detail\":\"Too Many Requests\",\"type\":\"about:blank\",\"status\":429}")
                    .build();
            case DAILY_CAP -> new MockResponse.Builder().code(429).addHeader("Content-Type", "application/json")
                    .addHeader("x-rate-limit-limit", "100").addHeader("x-rate-limit-remaining", "99")
                    .addHeader("x-rate-limit-reset", String.valueOf(window))
                    .addHeader("x-user-limit-24hour-limit", "17").addHeader("x-user-limit-24hour-remaining", "0")
                    .addHeader("x-user-limit-24hour-reset", String.valueOf(clock.instant().plus(Duration.ofHours(20))
                            .getEpochSecond()))
                    .body("{\"title\":\"Too Many Requests\",\"detail\":\"Too Many Requests\",\"type\":\"about:blank\",\"status\":429}")
                    .build();
            case UNAUTHORIZED -> answer(401,
                    "{\"title\":\"Unauthorized\",\"type\":\"about:blank\",\"status\":401,\"detail\":\"Unauthorized\"}");
            case DUPLICATE -> answer(403, DUPLICATE);
            case INVALID -> invalid("text", "", "Your Tweet text is too long. For more information on how X counts "
                    + "characters, see the developer docs.");
            case UNAVAILABLE -> answer(503, "{\"title\":\"Service Unavailable\",\"detail\":\"Service Unavailable\","
                    + "\"type\":\"about:blank\",\"status\":503}");
            case SLOW -> throw new IllegalStateException("SLOW delays a real answer");
        };
    }

    private MockResponse invalid(String parameter, String value, String message) {
        ObjectNode body = json.createObjectNode();
        body.putArray("errors").addObject().put("message", message).putObject("parameters").putArray(parameter).add(value);
        body.put("title", "Invalid Request").put("detail", "One or more parameters to your request was invalid.")
                .put("type", "https://api.twitter.com/2/problems/invalid-request");
        return answer(400, body);
    }

    private MockResponse slow(MockResponse answer) {
        return new MockResponse.Builder(answer).headersDelay(slowFor.toMillis(), TimeUnit.MILLISECONDS).build();
    }

    private String snowflake(Instant at) {
        return String.valueOf(((at.toEpochMilli() - SNOWFLAKE_EPOCH_MILLIS) << 22) | (sequence.incrementAndGet() & 0x3FFFFF));
    }

    private MockResponse answer(int code, JsonNode body) {
        return answer(code, json.writeValueAsString(body));
    }

    private static MockResponse answer(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    private MockResponse violation(String what) {
        violations.add(what);
        return answer(400, "{\"title\":\"Invalid Request\",\"detail\":\"" + what.replace("\"", "'")
                + "\",\"type\":\"https://api.twitter.com/2/problems/invalid-request\"}");
    }

    private Violation violated(String what) {
        return new Violation(violation(what));
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

package io.flightdeck.publishing.networks.x;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import io.flightdeck.campaigns.Channel;
import io.flightdeck.publishing.channels.ChannelAdapter.Lookup;
import io.flightdeck.publishing.channels.ChannelConnection;
import io.flightdeck.publishing.channels.ChannelException;
import io.flightdeck.publishing.channels.ChannelException.Kind;
import io.flightdeck.publishing.channels.NetworkAccount;
import io.flightdeck.publishing.channels.OutgoingPost;
import io.flightdeck.publishing.channels.OutgoingPost.Media;
import io.flightdeck.publishing.channels.PostMetrics;
import io.flightdeck.publishing.channels.PublishedPost;
import io.flightdeck.publishing.networks.x.FakeX.Trouble;
import io.flightdeck.publishing.networks.NetworkTestClock;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The X adapter against a fake of X's documented API v2 that checks every request's shape. */
class XChannelTests {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    @StartStop
    final MockWebServer server = new MockWebServer();
    final NetworkTestClock clock = new NetworkTestClock(NOW);
    final FakeX fake = new FakeX(clock);
    final List<Duration> pauses = new ArrayList<>();
    final JsonMapper json = JsonMapper.builder().build();
    final Random random = new Random(42);

    @BeforeEach
    void setUp() {
        server.setDispatcher(fake);
    }

    @AfterEach
    void theFakeSawOnlyDocumentedRequests() {
        assertThat(fake.violations).isEmpty();
    }

    XChannel x() {
        return x(Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    XChannel x(Duration timeout, Duration processing) {
        return new XChannel(properties("fd-client", null, timeout, processing), clock, pauses::add);
    }

    XProperties properties(String clientId, String secret, Duration timeout, Duration processing) {
        return new XProperties(clientId, secret, URI.create(server.url("/").toString()),
                URI.create("https://x.com/i/oauth2/authorize"), timeout, processing, Duration.ofMinutes(1),
                Duration.ofMinutes(10));
    }

    static ChannelConnection account(String token, String handle) {
        return new ChannelConnection(UUID.randomUUID(), UUID.randomUUID(), "x", Channel.TWITTER, FakeX.NAME, handle,
                FakeX.USER_ID, token, ZoneId.of("Europe/Berlin"), Map.of());
    }

    static ChannelConnection account() {
        return account(FakeX.TOKEN, "@acmecoffee");
    }

    static OutgoingPost post(String text, String comment, Media... media) {
        UUID id = UUID.randomUUID();
        return new OutgoingPost(id, id + ":1", text, comment, List.of(media));
    }

    static Media media(String name, String type, byte[] bytes, boolean sizeKnown) {
        return new Media(UUID.randomUUID(), name, type, sizeKnown ? bytes.length : -1,
                () -> new ByteArrayInputStream(bytes));
    }

    byte[] bytes(int size) {
        byte[] b = new byte[size];
        random.nextBytes(b);
        return b;
    }

    JsonNode body(RecordedRequest request) {
        return json.readTree(request.getBody().utf8());
    }

    // --- publishing ---

    @Test
    void aTextPostIsCreatedWithTheAccountsTokenAndAddressedByItsHandle() throws Exception {
        PublishedPost published = x().publish(account(), post("Spring roasts are in. Come by!", null));

        assertThat(fake.created).hasSize(1);
        String id = fake.created.get(0).id;
        assertThat(published).isEqualTo(new PublishedPost(id, "https://x.com/acmecoffee/status/" + id, null));
        RecordedRequest create = server.takeRequest();
        assertThat(create.getRequestLine()).isEqualTo("POST /2/tweets HTTP/1.1");
        assertThat(create.getHeaders().get("Authorization")).isEqualTo("Bearer " + FakeX.TOKEN);
        assertThat(body(create).toString()).isEqualTo("{\"text\":\"Spring roasts are in. Come by!\"}");

        PublishedPost noHandle = x().publish(account(FakeX.TOKEN, (String) null), post("Second post", null));
        assertThat(noHandle.url()).isEqualTo("https://x.com/i/web/status/" + noHandle.externalId());
    }

    @Test
    void anImageIsUploadedInOneSegmentFinalizedAndAttachedWithItsBytesIntact() throws Exception {
        byte[] png = bytes(300_000);
        PublishedPost published = x().publish(account(), post("Latte art", null,
                media("latte.png", "image/png", png, false)));

        var tweet = fake.tweet(published.externalId());
        assertThat(tweet.mediaIds).hasSize(1);
        String mediaId = tweet.mediaIds.get(0);
        assertThat(fake.bytes(mediaId)).isEqualTo(png);
        assertThat(fake.upload(mediaId).category).isEqualTo("tweet_image");
        assertThat(fake.appended).containsExactly(mediaId + ":0:300000");
        assertThat(pauses).isEmpty();

        JsonNode init = body(server.takeRequest());
        assertThat(init.toString()).isEqualTo("{\"media_type\":\"image/png\",\"total_bytes\":300000,"
                + "\"media_category\":\"tweet_image\"}");
        assertThat(server.takeRequest().getRequestLine()).isEqualTo("POST /2/media/upload/" + mediaId + "/append HTTP/1.1");
        assertThat(server.takeRequest().getRequestLine()).isEqualTo("POST /2/media/upload/" + mediaId + "/finalize HTTP/1.1");
        RecordedRequest create = server.takeRequest();
        assertThat(body(create).toString()).isEqualTo("{\"text\":\"Latte art\",\"media\":{\"media_ids\":[\"" + mediaId
                + "\"]}}");
    }

    @Test
    void upToFourImagesGoInOrder() {
        List<byte[]> files = List.of(bytes(1000), bytes(2000), bytes(3000), bytes(4000));
        Media[] media = files.stream().map(b -> media(b.length + ".jpg", "image/jpeg", b, true)).toArray(Media[]::new);
        PublishedPost published = x().publish(account(), post("Four cups", null, media));

        List<String> ids = fake.tweet(published.externalId()).mediaIds;
        assertThat(ids).hasSize(4);
        for (int i = 0; i < 4; i++) {
            assertThat(fake.bytes(ids.get(i))).isEqualTo(files.get(i));
        }
    }

    @Test
    void aLargeVideoOfUnknownSizeIsSpooledSentInSegmentsAndWaitedForWhileXProcessesIt() {
        videoIsUploadedInSegments(false);
    }

    @Test
    void aVideoOfKnownSizeIsStreamedInSegments() {
        videoIsUploadedInSegments(true);
    }

    private void videoIsUploadedInSegments(boolean sizeKnown) {
        int segment = XMediaUpload.SEGMENT;
        byte[] mp4 = bytes(2 * segment + 123_456);
        PublishedPost published = x().publish(account(), post("Behind the bar", null,
                media("bar.mp4", "video/mp4", mp4, sizeKnown)));

        String mediaId = fake.tweet(published.externalId()).mediaIds.get(0);
        assertThat(fake.bytes(mediaId)).isEqualTo(mp4);
        assertThat(fake.upload(mediaId).category).isEqualTo("tweet_video");
        assertThat(fake.appended).containsExactly(mediaId + ":0:" + segment, mediaId + ":1:" + segment,
                mediaId + ":2:123456");
        // pending after finalize, then in_progress twice, then succeeded: each check after X's check_after_secs
        assertThat(fake.statusChecks).containsExactly(1, 2, 3);
        assertThat(pauses).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1));
    }

    @Test
    void aGifIsATweetGifAndIsProcessedToo() {
        PublishedPost published = x().publish(account(), post(null, null, media("dance.gif", "image/gif", bytes(5000), false)));
        String mediaId = fake.tweet(published.externalId()).mediaIds.get(0);
        assertThat(fake.upload(mediaId).category).isEqualTo("tweet_gif");
        assertThat(fake.tweet(published.externalId()).text).isNull();
        assertThat(pauses).hasSize(3);
    }

    @Test
    void aVideoXCannotProcessIsRefusedInXsWordsAndNothingIsPosted() {
        fake.processingError = "The video is too long. Duration must be at most 140 seconds.";
        assertRefusal(() -> x().publish(account(), post("Too long", null, media("long.mp4", "video/mp4", bytes(1000), true))),
                Kind.REFUSED, "media-processing-failed", "Duration must be at most 140 seconds");
        assertThat(fake.created).isEmpty();
    }

    @Test
    void processingThatOutlastsTheWaitIsTriedAgainLaterNotRefused() {
        fake.processingChecks = 1000;
        assertRefusal(() -> x(Duration.ofSeconds(5), Duration.ofSeconds(4)).publish(account(),
                post("Slow video", null, media("slow.mp4", "video/mp4", bytes(1000), true))),
                Kind.RETRYABLE, "media-processing", "still processing slow.mp4");
        assertThat(pauses.stream().mapToLong(Duration::toSeconds).sum()).isEqualTo(4);
        assertThat(fake.created).isEmpty();
    }

    @Test
    void theFirstCommentIsAReplyToThePost() throws Exception {
        PublishedPost published = x().publish(account(), post("New menu today", "Full menu: https://acme.example/menu"));

        assertThat(fake.created).hasSize(2);
        var reply = fake.created.get(1);
        assertThat(reply.replyTo).isEqualTo(published.externalId());
        assertThat(reply.text).isEqualTo("Full menu: https://acme.example/menu");
        assertThat(published.commentId()).isEqualTo(reply.id);
        server.takeRequest();
        assertThat(body(server.takeRequest()).toString()).isEqualTo("{\"text\":\"Full menu: https://acme.example/menu\","
                + "\"reply\":{\"in_reply_to_tweet_id\":\"" + published.externalId() + "\"}}");
    }

    @Test
    void aFailingFirstCommentLeavesThePostPublished() {
        for (Trouble trouble : List.of(Trouble.UNAVAILABLE, Trouble.DUPLICATE, Trouble.RATE_LIMITED)) {
            fake.onReply = trouble;
            PublishedPost published = x().publish(account(), post("Post " + trouble, "Comment " + trouble));
            assertThat(published.externalId()).isNotNull();
            assertThat(published.commentId()).as("%s", trouble).isNull();
        }
        fake.onReply = Trouble.SLOW;
        fake.slowFor = Duration.ofSeconds(2);
        PublishedPost published = x(Duration.ofSeconds(1), Duration.ofSeconds(10)).publish(account(),
                post("Post with a slow comment", "Slow comment"));
        assertThat(published.commentId()).isNull();
        assertThat(fake.tweet(published.externalId())).isNotNull();
    }

    // --- what goes wrong ---

    @Test
    void aRateLimitWaitsForXsResetTime() {
        fake.onPost = Trouble.RATE_LIMITED;
        ChannelException e = assertRefusal(() -> x().publish(account(), post("Hello", null)), Kind.RATE_LIMITED,
                "rate-limited", "Too Many Requests");
        assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(15));

        fake.onPost = Trouble.DAILY_CAP;
        e = assertRefusal(() -> x().publish(account(), post("Hello", null)), Kind.RATE_LIMITED, "rate-limited", "");
        assertThat(e.retryAfter()).as("the day's cap, not the 15-minute window").isEqualTo(Duration.ofHours(20));
    }

    @Test
    void aRejectedTokenMeansConnectingTheAccountAgain() {
        fake.onPost = Trouble.UNAUTHORIZED;
        assertRefusal(() -> x().publish(account(), post("Hello", null)), Kind.UNAUTHORIZED, "token-rejected",
                "connect the account again");
        fake.onPost = null;
        assertRefusal(() -> x().publish(account("revoked", "@acmecoffee"), post("Hello", null)), Kind.UNAUTHORIZED,
                "token-rejected", "");
        assertRefusal(() -> x().publish(account(null, "@acmecoffee"), post("Hello", null)), Kind.UNAUTHORIZED,
                "token-missing", "");
        assertThat(fake.created).isEmpty();
    }

    @Test
    void aDuplicateIsRefusedAsSuch() {
        fake.onPost = Trouble.DUPLICATE;
        assertRefusal(() -> x().publish(account(), post("Same again", null)), Kind.REFUSED, "duplicate",
                "duplicate content");
    }

    @Test
    void anInvalidRequestIsRefusedWithXsSpecificWordsNotItsGenericOnes() {
        fake.onPost = Trouble.INVALID;
        ChannelException e = assertRefusal(() -> x().publish(account(), post("x".repeat(300), null)), Kind.REFUSED,
                "refused", "Your Tweet text is too long");
        assertThat(e.getMessage()).doesNotContain("One or more parameters");
    }

    @Test
    void anOutageIsRetryable() {
        fake.onPost = Trouble.UNAVAILABLE;
        assertRefusal(() -> x().publish(account(), post("Hello", null)), Kind.RETRYABLE, "network-error", "503");
    }

    @Test
    void aTimeoutCreatingThePostIsAnUnknownOutcomeWhichTheLookupResolves() {
        fake.onPost = Trouble.SLOW;
        fake.slowFor = Duration.ofSeconds(2);
        String text = "Fresh roasts & <pastries> at acmecoffee.com — details https://acme.example/spring?utm=x";
        OutgoingPost post = post(text, null, media("cup.jpg", "image/jpeg", bytes(2000), true));
        Instant started = clock.instant();
        assertRefusal(() -> x(Duration.ofSeconds(1), Duration.ofSeconds(10)).publish(account(), post),
                Kind.UNKNOWN_OUTCOME, "network-timeout", "");
        assertThat(fake.created).as("the post arrived although its answer did not").hasSize(1);

        fake.onPost = null;
        clock.advance(Duration.ofMinutes(2));
        Lookup lookup = x().lookup(account(), post, started);
        String id = fake.created.get(0).id;
        assertThat(lookup).isEqualTo(Lookup.found(new PublishedPost(id, "https://x.com/acmecoffee/status/" + id, null)));
    }

    @Test
    void aTimeoutDuringTheMediaUploadIsRetryableSinceNothingIsPostedYet() {
        fake.onUpload = Trouble.SLOW;
        fake.slowFor = Duration.ofSeconds(2);
        assertRefusal(() -> x(Duration.ofSeconds(1), Duration.ofSeconds(10)).publish(account(),
                post("With a photo", null, media("a.png", "image/png", bytes(1000), true))),
                Kind.RETRYABLE, "network-timeout", "");
        assertThat(fake.created).isEmpty();

        fake.onUpload = Trouble.UNAVAILABLE;
        assertRefusal(() -> x().publish(account(), post("With a photo", null, media("a.png", "image/png", bytes(10), true))),
                Kind.RETRYABLE, "network-error", "");
    }

    // --- bad input ---

    @Test
    void whatXCannotTakeIsRefusedBeforeAnythingIsSent() {
        assertRefusal(() -> x().publish(account(), post("A PDF", null, media("menu.pdf", "application/pdf", bytes(10), true))),
                Kind.REFUSED, "media-type", "application/pdf");
        assertRefusal(() -> x().publish(account(), post("No type", null, media("blob", null, bytes(10), true))),
                Kind.REFUSED, "media-type", "unknown type");
        Media[] five = new Media[5];
        Arrays.setAll(five, i -> media(i + ".png", "image/png", bytes(10), true));
        assertRefusal(() -> x().publish(account(), post("Five", null, five)), Kind.REFUSED, "media-count", "5 files");
        assertRefusal(() -> x().publish(account(), post("Mixed", null, media("a.mp4", "video/mp4", bytes(10), true),
                media("b.png", "image/png", bytes(10), true))), Kind.REFUSED, "media-count", "one video");
        assertRefusal(() -> x().publish(account(), post("  ", null)), Kind.REFUSED, "empty", "text or media");
        assertRefusal(() -> x().publish(account(), post("Empty file", null, media("e.png", "image/png", new byte[0], false))),
                Kind.REFUSED, "media-empty", "e.png");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void anImageTooLargeForXIsRefusedAtInitializeBeforeItsBytesAreSent() {
        assertRefusal(() -> x().publish(account(), post("Huge", null,
                media("huge.png", "image/png", bytes(6 * 1024 * 1024), false))), Kind.REFUSED, "refused", "File size exceeds");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aFileShorterThanItsSizeIsNotPosted() {
        byte[] data = bytes(1000);
        Media lying = new Media(UUID.randomUUID(), "short.png", "image/png", 2000, () -> new ByteArrayInputStream(data));
        assertRefusal(() -> x().publish(account(), post("Short", null, lying)), Kind.RETRYABLE, "media-unreadable",
                "ended after");
        assertThat(fake.created).isEmpty();
    }

    // --- lookup ---

    @Test
    void lookupFindsThePostAndItsFirstCommentAmongTheAccountsRecentPosts() {
        Instant since = NOW;
        fake.seed("Older, before the attempt", since.minus(Duration.ofHours(3)), null);
        var ours = fake.seed("Our post with a link https://acme.example/a", since.plusSeconds(2), null);
        var comment = fake.seed("Our first comment", since.plusSeconds(3), ours.id);
        fake.seed("Something else", since.plusSeconds(4), null);
        clock.advance(Duration.ofMinutes(5));

        Lookup lookup = x().lookup(account(), post("Our post with a link https://acme.example/a", "Our first comment"),
                since);
        assertThat(lookup).isEqualTo(Lookup.found(new PublishedPost(ours.id, "https://x.com/acmecoffee/status/" + ours.id,
                comment.id)));
    }

    @Test
    void lookupAsksForTheAttemptsWindowInWholeSeconds() throws Exception {
        Instant since = Instant.parse("2026-11-23T10:00:00.750Z");
        clock.advance(Duration.ofMinutes(15));
        x().lookup(account(), post("Anything", null), since);
        RecordedRequest request = server.takeRequest();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/2/users/" + FakeX.USER_ID + "/tweets");
        // a margin before the attempt, rounded down; created within one call (5 s), answered within another, a
        // margin, rounded up
        assertThat(request.getUrl().queryParameter("start_time")).isEqualTo("2026-11-23T09:59:00Z");
        assertThat(request.getUrl().queryParameter("end_time")).isEqualTo("2026-11-23T10:01:11Z");
        assertThat(request.getUrl().queryParameter("max_results")).isEqualTo("100");

        x().lookup(account(), post("With a photo", null, media("a.png", "image/png", bytes(10), true)), since);
        assertThat(server.takeRequest().getUrl().queryParameter("end_time")).as("media may take create-within")
                .isEqualTo("2026-11-23T10:11:06Z");
    }

    @Test
    void lookupSaysNotFoundOnlyOnceXsTimelineHadTimeToShowThePost() throws Exception {
        Instant since = NOW;
        fake.seed("Something else", since.plusSeconds(2), null);
        clock.advance(Duration.ofSeconds(10));
        ChannelException early = assertRefusal(() -> x().lookup(account(), post("Ours", null), since), Kind.RETRYABLE,
                "lookup-too-early", "");
        assertThat(early.retryAfter()).isEqualTo(Duration.ofSeconds(60));
        assertThat(server.takeRequest().getUrl().queryParameter("end_time")).as("never an end in the future").isNull();

        clock.advance(Duration.ofMinutes(1));
        assertThat(x().lookup(account(), post("Ours", null), since)).isEqualTo(Lookup.notFound());
        assertThat(x().lookup(account(), post("Ours", null), null)).as("no window to look in").isEqualTo(Lookup.unknown());
    }

    @Test
    void postsWithTheSameWordsAreToldApartByTheirLinksOrLeftToAPerson() {
        Instant since = NOW;
        var a = fake.seed("Read more https://acme.example/a", since.plusSeconds(1), null);
        fake.seed("Read more https://acme.example/b", since.plusSeconds(2), null);
        clock.advance(Duration.ofMinutes(5));
        assertThat(x().lookup(account(), post("Read more https://acme.example/a", null), since).post().externalId())
                .isEqualTo(a.id);
        fake.seed("Read more https://acme.example/a", since.plusSeconds(3), null);
        assertThat(x().lookup(account(), post("Read more https://acme.example/a", null), since))
                .isEqualTo(Lookup.unknown());
    }

    @Test
    void lookupErrorsSayWhetherAskingAgainCouldHelp() {
        fake.onRead = Trouble.UNAVAILABLE;
        ChannelException e = assertRefusal(() -> x().lookup(account(), post("Ours", null), NOW), Kind.RETRYABLE,
                "network-error", "");
        assertThat(e.retryable()).isTrue();
        fake.onRead = Trouble.RATE_LIMITED;
        assertThat(assertRefusal(() -> x().lookup(account(), post("Ours", null), NOW), Kind.RATE_LIMITED, "rate-limited", "")
                .retryAfter()).isEqualTo(Duration.ofMinutes(15));
        fake.onRead = Trouble.UNAUTHORIZED;
        assertRefusal(() -> x().lookup(account(), post("Ours", null), NOW), Kind.UNAUTHORIZED, "token-rejected", "");
    }

    @Test
    void textMatchingIgnoresLinksEscapesAndWhiteSpaceButNotWords() {
        assertThat(XTimelineMatch.words("Fish &amp; chips  https://t.co/abc\n")).isEqualTo("Fish & chips");
        assertThat(XTimelineMatch.words("Fish & chips https://acme.example/menu?x=1")).isEqualTo("Fish & chips");
        assertThat(XTimelineMatch.words("Visit https://t.co/xyz now")).isEqualTo(XTimelineMatch.words("Visit acme.com now"));
        assertThat(XTimelineMatch.words("Fish & chips")).isNotEqualTo(XTimelineMatch.words("Fish and chips"));
        assertThat(XTimelineMatch.words("&lt;b&gt;")).isEqualTo("<b>");
        assertThat(XTimelineMatch.words(null)).isEmpty();
    }

    // --- metrics ---

    @Test
    void metricsOfARecentPostIncludeItsLinkClicks() throws Exception {
        var t = fake.seed("Menu https://acme.example/menu", NOW.minus(Duration.ofDays(2)), null);
        t.publicMetrics.putAll(Map.of("like_count", 10L, "retweet_count", 2L, "reply_count", 3L, "quote_count", 1L,
                "bookmark_count", 4L, "impression_count", 900L));
        t.privateMetrics.putAll(Map.of("impression_count", 905L, "url_link_clicks", 37L));

        assertThat(x().metrics(account(), t.id)).isEqualTo(new PostMetrics(900L, null, 20L, 37L));
        RecordedRequest request = server.takeRequest();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/2/tweets/" + t.id);
        assertThat(request.getUrl().queryParameter("tweet.fields")).isEqualTo("public_metrics,non_public_metrics");
    }

    @Test
    void aPostWithoutLinksHasNoClicks() {
        var t = fake.seed("No links here", NOW.minus(Duration.ofHours(2)), null);
        t.publicMetrics.put("impression_count", 50L);
        assertThat(x().metrics(account(), t.id)).isEqualTo(new PostMetrics(50L, null, 0L, null));
    }

    @Test
    void aPostOlderThanThirtyDaysIsAskedOnlyForItsPublicNumbers() throws Exception {
        var t = fake.seed("Old https://acme.example/old", NOW.minus(Duration.ofDays(45)), null);
        t.publicMetrics.putAll(Map.of("like_count", 5L, "impression_count", 1200L));
        assertThat(x().metrics(account(), t.id)).isEqualTo(new PostMetrics(1200L, null, 5L, null));
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(server.takeRequest().getUrl().queryParameter("tweet.fields")).isEqualTo("public_metrics");
    }

    @Test
    void refusedNonPublicNumbersFallBackToThePublicOnes() {
        fake.refusePrivateMetrics = true;
        var t = fake.seed("Recent https://acme.example/r", NOW.minus(Duration.ofDays(1)), null);
        t.publicMetrics.putAll(Map.of("like_count", 5L, "reply_count", 1L, "impression_count", 300L));
        assertThat(x().metrics(account(), t.id)).isEqualTo(new PostMetrics(300L, null, 6L, null));
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void metricsOfADeletedPostAreRefused() {
        assertRefusal(() -> x().metrics(account(), "1860000000000000000"), Kind.REFUSED, "post-missing", "no longer");
        fake.onRead = Trouble.UNAVAILABLE;
        assertRefusal(() -> x().metrics(account(), "1860000000000000000"), Kind.RETRYABLE, "network-error", "");
    }

    // --- accounts and OAuth ---

    @Test
    void theTokensAccountIsTheSignedInUser() throws Exception {
        assertThat(x().accounts(FakeX.TOKEN)).containsExactly(new NetworkAccount(FakeX.USER_ID, FakeX.NAME, "@acmecoffee",
                "user", Channel.TWITTER));
        assertThat(server.takeRequest().getRequestLine()).isEqualTo("GET /2/users/me HTTP/1.1");
        assertRefusal(() -> x().accounts("someone-elses"), Kind.UNAUTHORIZED, "token-rejected", "");
    }

    @Test
    void theOAuthClientAsksForWhatPostingNeeds() {
        XChannel publicClient = x();
        assertThat(publicClient.available()).isTrue();
        var client = publicClient.oauth();
        assertThat(client.authorizeUri()).isEqualTo(URI.create("https://x.com/i/oauth2/authorize"));
        assertThat(client.tokenUri()).isEqualTo(URI.create(server.url("/2/oauth2/token").toString()));
        assertThat(client.clientId()).isEqualTo("fd-client");
        assertThat(client.scopes()).containsExactly("tweet.read", "tweet.write", "users.read", "offline.access",
                "media.write");
        assertThat(client.pkce()).isTrue();
        assertThat(client.basicAuth()).isFalse();
        assertThat(client.clientSecret()).isNull();

        var confidential = new XChannel(properties("fd-client", "s3cret", Duration.ofSeconds(5), Duration.ofSeconds(10)),
                clock, pauses::add).oauth();
        assertThat(confidential.basicAuth()).isTrue();
        assertThat(confidential.clientSecret()).isEqualTo("s3cret");

        var unconfigured = new XChannel(properties(" ", null, Duration.ofSeconds(5), Duration.ofSeconds(10)), clock,
                pauses::add);
        assertThat(unconfigured.available()).isFalse();
        assertThat(unconfigured.network()).isEqualTo("x");
        assertThat(unconfigured.channels()).containsExactly(Channel.TWITTER);
    }

    static ChannelException assertRefusal(Executable call, Kind kind, String code, String words) {
        ChannelException[] thrown = new ChannelException[1];
        assertThatThrownBy(call::execute).isInstanceOfSatisfying(ChannelException.class, e -> {
            assertThat(e.kind()).as(e.getMessage()).isEqualTo(kind);
            assertThat(e.code()).as(e.getMessage()).isEqualTo(code);
            assertThat(e.getMessage()).contains(words);
            thrown[0] = e;
        });
        return thrown[0];
    }

    /** A clock that stands still until a test moves it, shared by the adapter and the fake. */
}

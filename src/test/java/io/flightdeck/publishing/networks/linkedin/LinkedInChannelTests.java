package io.flightdeck.publishing.networks.linkedin;

import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

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
import io.flightdeck.publishing.networks.linkedin.FakeLinkedIn.Failure;
import io.flightdeck.publishing.networks.linkedin.FakeLinkedIn.Numbers;
import io.flightdeck.publishing.networks.linkedin.FakeLinkedIn.Route;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static io.flightdeck.publishing.networks.linkedin.FakeLinkedIn.ACME;
import static io.flightdeck.publishing.networks.linkedin.FakeLinkedIn.MEMBER;
import static io.flightdeck.publishing.networks.linkedin.FakeLinkedIn.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The LinkedIn adapter against a fake of LinkedIn's documented versioned API that checks every request's shape. */
class LinkedInChannelTests {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    @StartStop
    final MockWebServer server = new MockWebServer();
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final FakeLinkedIn fake = new FakeLinkedIn(clock);
    final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void setUp() {
        server.setDispatcher(fake.at(server.url("/").toString()));
    }

    @AfterEach
    void everyRequestHadItsDocumentedShape() {
        assertThat(fake.violations).isEmpty();
    }

    LinkedInChannel linkedIn() {
        return linkedIn(Duration.ofSeconds(5), FakeLinkedIn.VERSION);
    }

    LinkedInChannel linkedIn(Duration timeout, String version) {
        var properties = new LinkedInProperties("77abcdefgh", "client-secret", URI.create(server.url("/").toString()),
                URI.create("https://www.linkedin.com/oauth/v2"), version, timeout);
        return new LinkedInChannel(properties, clock, Duration.ofMillis(10),
                Duration.ofMillis(200));
    }

    static ChannelConnection account(String urn, String token) {
        return new ChannelConnection(UUID.randomUUID(), UUID.randomUUID(), "linkedin", Channel.LINKEDIN, "Acme",
                null, urn, token, ZoneId.of("Europe/Paris"), Map.of());
    }

    static OutgoingPost post(String text, String firstComment, Media... media) {
        return new OutgoingPost(UUID.randomUUID(), UUID.randomUUID() + ":1", text, firstComment, List.of(media));
    }

    static Media image(String name, byte[] bytes, boolean sizeKnown) {
        return new Media(UUID.randomUUID(), name, "image/png", sizeKnown ? bytes.length : -1,
                () -> new ByteArrayInputStream(bytes));
    }

    static byte[] bytes(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    JsonNode body(RecordedRequest request) {
        return json.readTree(request.getBody().utf8());
    }

    static void refused(ThrowingCallable call, Kind kind, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ChannelException.class, e -> {
            assertThat(e.kind()).isEqualTo(kind);
            assertThat(e.code()).isEqualTo(code);
        });
    }

    // --- publishing ---

    @Test
    void aMemberPostsTextWithTheVersionHeadersAndTheDocumentedBody() throws Exception {
        PublishedPost published = linkedIn().publish(account(MEMBER, TOKEN), post("Spring roasts are in.", null));

        String urn = fake.posts.get(0).urn();
        assertThat(published).isEqualTo(new PublishedPost(urn, "https://www.linkedin.com/feed/update/" + urn + "/",
                null));
        RecordedRequest create = server.takeRequest();
        assertThat(create.getRequestLine()).isEqualTo("POST /rest/posts HTTP/1.1");
        assertThat(create.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(create.getHeaders().get("LinkedIn-Version")).isEqualTo("202601");
        assertThat(create.getHeaders().get("X-Restli-Protocol-Version")).isEqualTo("2.0.0");
        assertThat(body(create)).isEqualTo(json.readTree("""
                {"author": "urn:li:person:782bbtaQ", "commentary": "Spring roasts are in.", "visibility": "PUBLIC",
                 "distribution": {"feedDistribution": "MAIN_FEED", "targetEntities": [],
                                  "thirdPartyDistributionChannels": []},
                 "lifecycleState": "PUBLISHED", "isReshareDisabledByAuthor": false}"""));
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aPagePostsOneImageWhoseBytesAreUploadedBeforeThePostNamesIt() throws Exception {
        byte[] photo = bytes(300_000, 1);
        PublishedPost published = linkedIn().publish(account(ACME, TOKEN),
                post("Our new roastery", null, image("roastery.png", photo, true)));

        RecordedRequest init = server.takeRequest();
        assertThat(init.getRequestLine()).isEqualTo("POST /rest/images?action=initializeUpload HTTP/1.1");
        assertThat(body(init)).isEqualTo(json.readTree("{\"initializeUploadRequest\": {\"owner\": \"" + ACME + "\"}}"));
        RecordedRequest upload = server.takeRequest();
        assertThat(upload.getMethod()).isEqualTo("PUT");
        assertThat(upload.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(upload.getBody().toByteArray()).isEqualTo(photo);
        RecordedRequest create = server.takeRequest();
        String image = fake.images.keySet().iterator().next();
        assertThat(body(create).path("content")).isEqualTo(json.readTree("{\"media\": {\"id\": \"" + image + "\"}}"));
        assertThat(body(create).path("author").asString()).isEqualTo(ACME);
        assertThat(published.externalId()).isEqualTo(fake.posts.get(0).urn());
    }

    @Test
    void severalImagesMakeAMultiImagePostInTheirOrderStreamedWithoutKnowingTheirSize() throws Exception {
        List<byte[]> photos = List.of(bytes(70_000, 1), bytes(80_000, 2), bytes(90_000, 3));
        linkedIn().publish(account(ACME, TOKEN), post("Three roasts", null, image("a.png", photos.get(0), false),
                image("b.png", photos.get(1), false), image("c.png", photos.get(2), false)));

        for (int i = 0; i < 3; i++) {
            assertThat(server.takeRequest().getRequestLine()).startsWith("POST /rest/images?action=initializeUpload");
            RecordedRequest upload = server.takeRequest();
            assertThat(upload.getChunkSizes()).as("streamed in chunks, never held whole").isNotEmpty();
            assertThat(upload.getBody().toByteArray()).isEqualTo(photos.get(i));
        }
        List<String> order = photos.stream().map(photo -> fake.images.entrySet().stream()
                .filter(e -> Arrays.equals(e.getValue().bytes, photo)).findFirst().orElseThrow().getKey()).toList();
        JsonNode content = body(server.takeRequest()).path("content");
        assertThat(content.path("multiImage").path("images").findValuesAsString("id")).containsExactlyElementsOf(order);
    }

    @Test
    void reservedCharactersAreEscapedAndHashtagsStayHashtags() throws Exception {
        String text = "Big news (finally): 50% off *today* only_for_you ~ [link] <b> a|b {x} \\o/ @team #launch C# #1";
        linkedIn().publish(account(ACME, TOKEN), post(text, null));

        assertThat(body(server.takeRequest()).path("commentary").asString()).isEqualTo(
                "Big news \\(finally\\): 50% off \\*today\\* only\\_for\\_you \\~ \\[link\\] \\<b\\> a\\|b \\{x\\} "
                        + "\\\\o/ \\@team {hashtag|\\#|launch} C\\# \\#1");
        assertThat(LittleText.commentary("Plain words, nothing reserved.")).isEqualTo("Plain words, nothing reserved.");
        assertThat(LittleText.commentary(null)).isEmpty();
    }

    @Test
    void theFakeCatchesACommentaryLinkedInWouldCutShort() {
        assertThat(FakeLinkedIn.unescaped("Step 1) grind")).hasSize(1);
        assertThat(FakeLinkedIn.unescaped("a lone \\ backslash")).hasSize(1);
        assertThat(FakeLinkedIn.unescaped("Step 1\\) grind {hashtag|\\#|coffee}")).isEmpty();
    }

    @Test
    void theFirstCommentFollowsThePostAsItsAuthor() throws Exception {
        PublishedPost published = linkedIn().publish(account(ACME, TOKEN),
                post("Menu day", "The menu (all of it): https://acme.example/menu"));

        String urn = fake.posts.get(0).urn();
        server.takeRequest();
        RecordedRequest comment = server.takeRequest();
        assertThat(comment.getUrl().encodedPath()).isEqualTo("/rest/socialActions/" + urn.replace(":", "%3A")
                + "/comments");
        assertThat(comment.getHeaders().get("LinkedIn-Version")).isEqualTo("202601");
        assertThat(body(comment)).isEqualTo(json.readTree("{\"actor\": \"" + ACME + "\", \"object\": \"" + urn
                + "\", \"message\": {\"text\": \"The menu (all of it): https://acme.example/menu\"}}"));
        assertThat(published.commentId()).isEqualTo(fake.comments.get(0).urn()).startsWith("urn:li:comment:(" + urn);
    }

    @Test
    void aFirstCommentThatFailsLeavesThePostPublished() {
        fake.failures.put(Route.COMMENT, Failure.UNAVAILABLE);
        PublishedPost published = linkedIn().publish(account(ACME, TOKEN), post("Menu day", "The menu"));
        assertThat(published.externalId()).isEqualTo(fake.posts.get(0).urn());
        assertThat(published.commentId()).isNull();

        fake.failures.put(Route.COMMENT, Failure.FORBIDDEN);
        assertThat(linkedIn().publish(account(MEMBER, TOKEN), post("Menu day", "The menu")).commentId()).isNull();
        assertThat(fake.posts).hasSize(2);
        assertThat(fake.comments).isEmpty();
    }

    // --- what goes wrong ---

    @Test
    void aRateLimitIsRetriedAfterWhatLinkedInSaysOrTheSchedulersOwnPause() {
        fake.failures.put(Route.CREATE_POST, Failure.RATE_LIMITED);
        assertThatThrownBy(() -> linkedIn().publish(account(ACME, TOKEN), post("x", null)))
                .isInstanceOfSatisfying(ChannelException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
                    assertThat(e.retryAfter()).isNull();
                    assertThat(e.getMessage()).contains("APPLICATION DAY limit").contains("midnight UTC, in 14 h 0 min");
                });
        fake.retryAfter = "60";
        assertThatThrownBy(() -> linkedIn().publish(account(ACME, TOKEN), post("x", null)))
                .isInstanceOfSatisfying(ChannelException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(60)));
        assertThat(fake.posts).isEmpty();
    }

    @Test
    void aRevokedExpiredOrUnknownTokenMeansConnectingAgain() {
        fake.failures.put(Route.CREATE_POST, Failure.REVOKED);
        refused(() -> linkedIn().publish(account(ACME, TOKEN), post("x", null)), Kind.UNAUTHORIZED, "token-revoked");
        fake.failures.put(Route.CREATE_POST, Failure.EXPIRED);
        assertThatThrownBy(() -> linkedIn().publish(account(ACME, TOKEN), post("x", null)))
                .isInstanceOfSatisfying(ChannelException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.UNAUTHORIZED);
                    assertThat(e.code()).isEqualTo("token-expired");
                    assertThat(e.getMessage()).contains("60 days");
                });
        fake.failures.clear();
        refused(() -> linkedIn().publish(account(ACME, "AQVsomeone-else"), post("x", null)), Kind.UNAUTHORIZED,
                "token-rejected");
        assertThat(fake.posts).isEmpty();
    }

    @Test
    void theSameTextTwiceIsRefusedAsADuplicate() {
        linkedIn().publish(account(ACME, TOKEN), post("Fresh roasts every Monday", null));
        assertThatThrownBy(() -> linkedIn().publish(account(ACME, TOKEN), post("Fresh roasts every Monday", null)))
                .isInstanceOfSatisfying(ChannelException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.REFUSED);
                    assertThat(e.code()).isEqualTo("duplicate");
                    assertThat(e.getMessage()).contains("change the text").contains(fake.posts.get(0).urn());
                });
        // another author may say the same
        linkedIn().publish(account(MEMBER, TOKEN), post("Fresh roasts every Monday", null));
        fake.failures.put(Route.CREATE_POST, Failure.DUPLICATE);
        refused(() -> linkedIn().publish(account(MEMBER, TOKEN), post("Something new", null)), Kind.REFUSED,
                "duplicate");
    }

    @Test
    void aMissingPermissionIsExplainedInPlainWords() {
        fake.failures.put(Route.CREATE_POST, Failure.FORBIDDEN);
        assertThatThrownBy(() -> linkedIn().publish(account(ACME, TOKEN), post("x", null)))
                .isInstanceOfSatisfying(ChannelException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.REFUSED);
                    assertThat(e.code()).isEqualTo("permission-missing");
                    assertThat(e.getMessage()).contains("no longer an administrator of the page")
                            .contains("Community Management API");
                });
        // a page the member only analyses is not one they may post as
        fake.failures.clear();
        refused(() -> linkedIn().publish(account("urn:li:organization:9000001", TOKEN), post("x", null)),
                Kind.REFUSED, "permission-missing");
    }

    @Test
    void anOutageIsRetryable() {
        fake.failures.put(Route.CREATE_POST, Failure.UNAVAILABLE);
        refused(() -> linkedIn().publish(account(ACME, TOKEN), post("x", null)), Kind.RETRYABLE, "network-error");
    }

    @Test
    void aRetiredApiVersionSaysWhichSettingToChange() {
        assertThatThrownBy(() -> linkedIn(Duration.ofSeconds(5), "202301").publish(account(ACME, TOKEN),
                post("x", null))).isInstanceOfSatisfying(ChannelException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.REFUSED);
                    assertThat(e.code()).isEqualTo("api-version");
                    assertThat(e.getMessage()).contains("flightdeck.publishing.linkedin.version");
                });
        // the fake flags the retired version as a request LinkedIn would not take; that was the point here
        assertThat(fake.violations).singleElement().asString().contains("LinkedIn-Version 202301");
        fake.violations.clear();
    }

    @Test
    void aTimeoutCreatingThePostIsAnUnknownOutcomeThatTheLookupResolves() {
        fake.failures.put(Route.CREATE_POST, Failure.SLOW);
        LinkedInChannel impatient = linkedIn(Duration.ofMillis(500), FakeLinkedIn.VERSION);
        OutgoingPost post = post("Launch day (at last)", "The details");
        refused(() -> impatient.publish(account(ACME, TOKEN), post), Kind.UNKNOWN_OUTCOME, "network-timeout");
        assertThat(fake.posts).hasSize(1);

        fake.failures.clear();
        Lookup lookup = linkedIn().lookup(account(ACME, TOKEN), post, NOW);
        String urn = fake.posts.get(0).urn();
        assertThat(lookup).isEqualTo(Lookup.found(new PublishedPost(urn, LinkedInChannel.url(urn), null)));
    }

    @Test
    void failuresWhileUploadingImagesAreSafeToRetryBecauseNothingWasPosted() {
        byte[] photo = bytes(10_000, 4);
        fake.failures.put(Route.UPLOAD, Failure.SLOW);
        assertThatThrownBy(() -> linkedIn(Duration.ofMillis(500), FakeLinkedIn.VERSION).publish(account(ACME, TOKEN),
                post("x", null, image("a.png", photo, true)))).isInstanceOfSatisfying(ChannelException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.RETRYABLE);
                    assertThat(e.getMessage()).contains("Nothing was posted yet");
                });
        fake.failures.clear();
        fake.failures.put(Route.IMAGES, Failure.UNAVAILABLE);
        refused(() -> linkedIn().publish(account(ACME, TOKEN), post("x", null, image("a.png", photo, true))),
                Kind.RETRYABLE, "network-error");
        fake.failures.put(Route.IMAGES, Failure.REVOKED);
        refused(() -> linkedIn().publish(account(ACME, TOKEN), post("x", null, image("a.png", photo, true))),
                Kind.UNAUTHORIZED, "token-revoked");
        Media unreadable = new Media(UUID.randomUUID(), "gone.png", "image/png", -1, () -> {
            throw new FileNotFoundException("gone.png");
        });
        fake.failures.clear();
        refused(() -> linkedIn().publish(account(ACME, TOKEN), post("x", null, unreadable)), Kind.RETRYABLE,
                "media-unreadable");
        assertThat(fake.calls(Route.CREATE_POST)).isZero();
    }

    @Test
    void whatLinkedInCannotTakeIsRefusedBeforeAnythingIsSent() {
        LinkedInChannel linkedIn = linkedIn();
        Media quicktime = new Media(UUID.randomUUID(), "teaser.mov", "video/quicktime", 1_000,
                () -> new ByteArrayInputStream(new byte[1_000]));
        refused(() -> linkedIn.publish(account(ACME, TOKEN), post("x", null, quicktime)), Kind.REFUSED,
                "media-unsupported");
        Media pdf = new Media(UUID.randomUUID(), "menu.pdf", "application/pdf", 10, () -> new ByteArrayInputStream(
                new byte[10]));
        refused(() -> linkedIn.publish(account(ACME, TOKEN), post("x", null, pdf)), Kind.REFUSED, "media-unsupported");
        refused(() -> linkedIn.publish(account(ACME, TOKEN), post("x", null, video("teaser.mp4", new byte[10], true),
                image("a.png", new byte[] {1}, true))), Kind.REFUSED, "media-mixed");
        Media[] many = IntStream.range(0, 21).mapToObj(i -> image(i + ".png", new byte[] {1}, true))
                .toArray(Media[]::new);
        refused(() -> linkedIn.publish(account(ACME, TOKEN), post("x", null, many)), Kind.REFUSED, "too-many-images");
        refused(() -> linkedIn.publish(account(ACME, TOKEN), post("x".repeat(3001), null)), Kind.REFUSED,
                "text-too-long");
        refused(() -> linkedIn.publish(account("1460923340", TOKEN), post("x", null)), Kind.REFUSED,
                "not-a-linkedin-account");
        refused(() -> linkedIn.publish(account(ACME, null), post("x", null)), Kind.UNAUTHORIZED, "token-missing");
        assertThat(server.getRequestCount()).isZero();

        // the longest post LinkedIn takes still goes
        assertThat(linkedIn.publish(account(ACME, TOKEN), post("x".repeat(3000), null)).externalId()).isNotBlank();
    }

    // --- videos ---

    static Media video(String name, byte[] bytes, boolean sizeKnown) {
        return new Media(UUID.randomUUID(), name, "video/mp4", sizeKnown ? bytes.length : -1,
                () -> new ByteArrayInputStream(bytes));
    }

    @Test
    void aVideoGoesUpInPartsIsFinalizedWithTheirETagsAndIsPostedOnceProcessed() throws Exception {
        fake.videoPartSize = 100_000;
        fake.pollsUntilAvailable = 2;
        byte[] clip = bytes(250_000, 7);
        AtomicInteger opened = new AtomicInteger();
        Media teaser = new Media(UUID.randomUUID(), "teaser.mp4", "video/mp4", -1, () -> {
            opened.incrementAndGet();
            return new ByteArrayInputStream(clip);
        });

        PublishedPost published = linkedIn().publish(account(ACME, TOKEN), post("Watch the roast", null, teaser));

        FakeLinkedIn.Video video = fake.videos.values().iterator().next();
        assertThat(video.bytes()).isEqualTo(clip);
        assertThat(opened).as("one pass to learn the size, one to send it").hasValue(2);
        RecordedRequest init = server.takeRequest();
        assertThat(init.getRequestLine()).isEqualTo("POST /rest/videos?action=initializeUpload HTTP/1.1");
        assertThat(body(init)).isEqualTo(json.readTree("{\"initializeUploadRequest\": {\"owner\": \"" + ACME
                + "\", \"fileSizeBytes\": 250000, \"uploadCaptions\": false, \"uploadThumbnail\": false}}"));
        for (int part = 0; part < 3; part++) {
            assertThat(server.takeRequest().getMethod()).isEqualTo("PUT");
        }
        JsonNode finish = body(server.takeRequest()).path("finalizeUploadRequest");
        assertThat(finish.path("video").asString()).isEqualTo(video.urn);
        assertThat(finish.path("uploadedPartIds")).hasSize(3);
        for (int check = 0; check < 3; check++) {
            assertThat(server.takeRequest().getRequestLine()).isEqualTo("GET /rest/videos/"
                    + video.urn.replace(":", "%3A") + " HTTP/1.1");
        }
        assertThat(body(server.takeRequest()).path("content")).isEqualTo(json.readTree("{\"media\": {\"id\": \""
                + video.urn + "\"}}"));
        assertThat(published.externalId()).isEqualTo(fake.posts.get(0).urn());
    }

    @Test
    void aVideoLinkedInCannotProcessIsRefusedAndOneStillProcessingIsTriedAgain() {
        fake.videoProcessingFails = true;
        refused(() -> linkedIn().publish(account(ACME, TOKEN), post("x", null, video("a.mp4", bytes(1_000, 1), true))),
                Kind.REFUSED, "video-rejected");
        fake.videoProcessingFails = false;
        fake.pollsUntilAvailable = 1_000;
        refused(() -> linkedIn().publish(account(ACME, TOKEN), post("x", null, video("b.mp4", bytes(1_000, 2), true))),
                Kind.RETRYABLE, "video-processing");
        fake.pollsUntilAvailable = 0;
        fake.failures.put(Route.VIDEO_PART, Failure.UNAVAILABLE);
        refused(() -> linkedIn().publish(account(ACME, TOKEN), post("x", null, video("c.mp4", bytes(1_000, 3), true))),
                Kind.RETRYABLE, "network-error");
        fake.failures.put(Route.VIDEO_PART, Failure.SLOW);
        assertThatThrownBy(() -> linkedIn(Duration.ofMillis(500), FakeLinkedIn.VERSION).publish(account(ACME, TOKEN),
                post("x", null, video("d.mp4", bytes(1_000, 4), true))))
                .isInstanceOfSatisfying(ChannelException.class, e -> assertThat(e.kind()).isEqualTo(Kind.RETRYABLE));
        assertThat(fake.calls(Route.CREATE_POST)).isZero();
    }

    // --- looking up an interrupted attempt ---

    @Test
    void theLookupFindsTheAttemptAmongTheAuthorsNewestPosts() throws Exception {
        long since = NOW.toEpochMilli();
        fake.seed(ACME, "Launch day", since - 86_400_000, since - 86_400_000); // yesterday's, same words
        fake.seed(ACME, "Something else", since + 1_000, since + 1_000);
        var attempt = fake.seed(ACME, "Launch day \\(at last\\)", since + 2_000, since + 2_000);

        Lookup lookup = linkedIn().lookup(account(ACME, TOKEN), post("Launch day (at last)", null), NOW);

        assertThat(lookup.found()).isEqualTo(Lookup.Found.FOUND);
        assertThat(lookup.post().externalId()).isEqualTo(attempt.urn());
        RecordedRequest find = server.takeRequest();
        assertThat(find.getRequestLine()).isEqualTo("GET /rest/posts?author=urn%3Ali%3Aorganization%3A2414183"
                + "&q=author&count=20&sortBy=LAST_MODIFIED HTTP/1.1");
        assertThat(find.getHeaders().get("LinkedIn-Version")).isEqualTo("202601");
    }

    @Test
    void aPostStampedJustBeforeTheAttemptStillCountsButNotOneFromMinutesEarlier() {
        long since = NOW.toEpochMilli();
        fake.seed(ACME, "Launch day", since - 60_000, since - 60_000);
        assertThat(linkedIn().lookup(account(ACME, TOKEN), post("Launch day", null), NOW).found())
                .isEqualTo(Lookup.Found.FOUND);
        assertThat(linkedIn().lookup(account(ACME, TOKEN), post("Launch day", null), NOW.plusSeconds(300)).found())
                .isEqualTo(Lookup.Found.NOT_FOUND);
    }

    @Test
    void aListThatReachesBackBeforeTheAttemptWithoutItMeansNotFound() {
        long since = NOW.toEpochMilli();
        IntStream.range(0, 20).forEach(i -> fake.seed(ACME, "Old post " + i, since - 3_600_000L * (i + 1),
                since - 3_600_000L * (i + 1)));
        IntStream.range(0, 5).forEach(i -> fake.seed(ACME, "New post " + i, since + 1_000L * (i + 1),
                since + 1_000L * (i + 1)));
        // an old post edited since the attempt sorts among the new ones, and does not count
        fake.seed(ACME, "Launch day", since - 86_400_000, since + 500);

        assertThat(linkedIn().lookup(account(ACME, TOKEN), post("Launch day", null), NOW))
                .isEqualTo(Lookup.notFound());
    }

    @Test
    void aListThatDoesNotReachBackToTheAttemptCannotTell() {
        long since = NOW.toEpochMilli();
        IntStream.range(0, 25).forEach(i -> fake.seed(ACME, "Busy page " + i, since + 1_000L * (i + 1),
                since + 1_000L * (i + 1)));
        assertThat(linkedIn().lookup(account(ACME, TOKEN), post("Launch day", null), NOW)).isEqualTo(Lookup.unknown());
    }

    @Test
    void aMembersPostsCanOnlyBeLookedUpWithThePartnerPermission() {
        refused(() -> linkedIn().lookup(account(MEMBER, TOKEN), post("Hello", null), NOW), Kind.REFUSED,
                "permission-missing");
        assertThatThrownBy(() -> linkedIn().lookup(account(MEMBER, TOKEN), post("Hello", null), NOW))
                .hasMessageContaining("r_member_social");

        fake.memberPostsReadable = true;
        fake.seed(MEMBER, "Hello", NOW.toEpochMilli() + 10, NOW.toEpochMilli() + 10);
        assertThat(linkedIn().lookup(account(MEMBER, TOKEN), post("Hello", null), NOW).found())
                .isEqualTo(Lookup.Found.FOUND);
        fake.failures.put(Route.FIND_POSTS, Failure.UNAVAILABLE);
        refused(() -> linkedIn().lookup(account(MEMBER, TOKEN), post("Hello", null), NOW), Kind.RETRYABLE,
                "network-error");
    }

    // --- numbers ---

    @Test
    void aPagesPostHasItsShareStatistics() throws Exception {
        String share = linkedIn().publish(account(ACME, TOKEN), post("Numbers", null)).externalId();
        fake.numbers.put(share, new Numbers(1200, 900, 40, 30, 5, 2));
        server.takeRequest();

        PostMetrics metrics = linkedIn().metrics(account(ACME, TOKEN), share);

        assertThat(metrics).isEqualTo(new PostMetrics(1200L, 900L, 37L, 40L));
        assertThat(server.takeRequest().getRequestLine()).isEqualTo("GET /rest/organizationalEntityShareStatistics"
                + "?q=organizationalEntity&organizationalEntity=urn%3Ali%3Aorganization%3A2414183&shares=List("
                + share.replace(":", "%3A") + ") HTTP/1.1");
    }

    @Test
    void aPagesUgcPostIsAskedAsOne() throws Exception {
        String ugcPost = "urn:li:ugcPost:7099001122334455667";
        fake.posts.add(new FakeLinkedIn.Post(ugcPost, ACME, "Old style", 1, 1, null));
        fake.numbers.put(ugcPost, new Numbers(10, 8, 1, 2, 0, 0));

        assertThat(linkedIn().metrics(account(ACME, TOKEN), ugcPost)).isEqualTo(new PostMetrics(10L, 8L, 2L, 1L));
        assertThat(server.takeRequest().getUrl().encodedQuery()).endsWith("&ugcPosts=List(urn%3Ali%3AugcPost%3A"
                + "7099001122334455667)");
    }

    @Test
    void aMembersPostHasItsLikesAndCommentsOnly() throws Exception {
        String share = linkedIn().publish(account(MEMBER, TOKEN), post("Numbers", null)).externalId();
        fake.numbers.put(share, new Numbers(999, 999, 999, 12, 3, 999));
        server.takeRequest();

        assertThat(linkedIn().metrics(account(MEMBER, TOKEN), share)).isEqualTo(new PostMetrics(null, null, 15L, null));
        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/rest/socialActions/"
                + share.replace(":", "%3A"));
    }

    @Test
    void numbersOfSomethingThatIsNotALinkedInPostAreRefused() {
        refused(() -> linkedIn().metrics(account(ACME, TOKEN), "1460923340"), Kind.REFUSED, "not-a-linkedin-post");
        refused(() -> linkedIn().metrics(account(ACME, TOKEN), null), Kind.REFUSED, "not-a-linkedin-post");
        assertThat(server.getRequestCount()).isZero();
        fake.failures.put(Route.STATISTICS, Failure.RATE_LIMITED);
        refused(() -> linkedIn().metrics(account(ACME, TOKEN), "urn:li:share:1"), Kind.RATE_LIMITED, "rate-limited");
    }

    // --- accounts and the OAuth client ---

    @Test
    void aTokenSpeaksForTheMemberAndThePagesTheyMayPostFor() throws Exception {
        List<NetworkAccount> accounts = linkedIn().accounts(TOKEN);

        assertThat(accounts).containsExactly(
                new NetworkAccount(MEMBER, "Dana Diaz", null, "member", Channel.LINKEDIN),
                new NetworkAccount(ACME, "Acme Coffee", "acme-coffee", "organization", Channel.LINKEDIN),
                new NetworkAccount(FakeLinkedIn.GLOBEX, "Globex", "globex", "organization", Channel.LINKEDIN));
        RecordedRequest userinfo = server.takeRequest();
        assertThat(userinfo.getRequestLine()).isEqualTo("GET /v2/userinfo HTTP/1.1");
        assertThat(userinfo.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(server.takeRequest().getRequestLine()).isEqualTo(
                "GET /rest/organizationAcls?q=roleAssignee&state=APPROVED&start=0&count=100 HTTP/1.1");
        assertThat(server.takeRequest().getRequestLine()).isEqualTo(
                "GET /rest/organizations?ids=List(2414183,5515715) HTTP/1.1");
    }

    @Test
    void aMemberWithoutTheOrganizationScopesIsStillAnAccount() {
        fake.organizationScopes = false;
        assertThat(linkedIn().accounts(TOKEN)).containsExactly(
                new NetworkAccount(MEMBER, "Dana Diaz", null, "member", Channel.LINKEDIN));

        fake.organizationScopes = true;
        fake.organizations.clear();
        assertThat(linkedIn().accounts(TOKEN)).extracting(NetworkAccount::kind).containsExactly("member");
        assertThat(fake.calls(Route.ORGANIZATIONS)).isZero();
    }

    @Test
    void aRefusedTokenOrAnOutageIsAnErrorNotAnEmptyList() {
        refused(() -> linkedIn().accounts("AQVnot-a-token"), Kind.UNAUTHORIZED, "token-rejected");
        fake.failures.put(Route.ACLS, Failure.UNAVAILABLE);
        refused(() -> linkedIn().accounts(TOKEN), Kind.RETRYABLE, "network-error");
    }

    @Test
    void theOAuthClientIsLinkedInsWebFlow() {
        LinkedInChannel linkedIn = linkedIn();
        var client = linkedIn.oauth();
        assertThat(client.authorizeUri()).isEqualTo(URI.create("https://www.linkedin.com/oauth/v2/authorization"));
        assertThat(client.tokenUri()).isEqualTo(URI.create("https://www.linkedin.com/oauth/v2/accessToken"));
        assertThat(client.clientId()).isEqualTo("77abcdefgh");
        assertThat(client.scopes()).containsExactly("openid", "profile", "w_member_social", "w_organization_social",
                "r_organization_social", "rw_organization_admin");
        assertThat(client.pkce()).isFalse();
        assertThat(client.basicAuth()).isFalse();
        assertThat(linkedIn.network()).isEqualTo("linkedin");
        assertThat(linkedIn.displayName()).isEqualTo("LinkedIn");
        assertThat(linkedIn.channels()).isEqualTo(Set.of(Channel.LINKEDIN));
        assertThat(linkedIn.available()).isTrue();
    }

    @Test
    void withoutAClientIdAndSecretLinkedInIsListedButNotAvailable() {
        var unset = new LinkedInProperties(null, " ", URI.create("https://api.linkedin.com"),
                URI.create("https://www.linkedin.com/oauth/v2"), "202601", Duration.ofSeconds(30));
        assertThat(new LinkedInChannel(unset, clock).available()).isFalse();
        var secret = new LinkedInProperties("id", "s3cret-value", URI.create("https://api.linkedin.com"),
                URI.create("https://www.linkedin.com/oauth/v2"), "202601", Duration.ofSeconds(30));
        assertThat(new LinkedInChannel(secret, clock).available()).isTrue();
        assertThat(secret.toString()).doesNotContain("s3cret-value");
    }
}

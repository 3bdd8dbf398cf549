package io.flightdeck.publishing.networks.tiktok;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.flightdeck.campaigns.Channel;
import io.flightdeck.publishing.channels.ChannelAdapter.Lookup;
import io.flightdeck.publishing.channels.ChannelConnection;
import io.flightdeck.publishing.channels.ChannelException;
import io.flightdeck.publishing.channels.ChannelException.Kind;
import io.flightdeck.publishing.channels.NetworkAccount;
import io.flightdeck.publishing.channels.OAuthClient;
import io.flightdeck.publishing.channels.OutgoingPost;
import io.flightdeck.publishing.channels.OutgoingPost.Media;
import io.flightdeck.publishing.channels.PostMetrics;
import io.flightdeck.publishing.channels.PostOption;
import io.flightdeck.publishing.channels.PostingLimits;
import io.flightdeck.publishing.channels.PublishedPost;
import io.flightdeck.publishing.networks.tiktok.FakeTikTok.Trouble;
import io.flightdeck.publishing.networks.NetworkTestClock;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The TikTok adapter against a fake of TikTok's documented Open API v2 that checks every request's shape. */
class TikTokChannelTests {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    static final int MB = 1024 * 1024;

    @StartStop
    final MockWebServer server = new MockWebServer();
    final NetworkTestClock clock = new NetworkTestClock(NOW);
    final FakeTikTok fake = new FakeTikTok(clock);
    final List<Duration> pauses = new ArrayList<>();
    final List<String> recorded = new ArrayList<>();
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

    TikTokChannel tiktok(boolean audited) {
        return new TikTokChannel(properties(audited, Duration.ofSeconds(2)), clock, pauses::add);
    }

    TikTokChannel tiktok() {
        return tiktok(false);
    }

    TikTokProperties properties(boolean audited, Duration timeout) {
        return new TikTokProperties(FakeTikTok.CLIENT_KEY, FakeTikTok.CLIENT_SECRET,
                URI.create(server.url("/").toString()), URI.create("https://www.tiktok.com"), timeout,
                Duration.ofSeconds(5), DataSize.ofMegabytes(5), Duration.ofSeconds(20), Duration.ofSeconds(5),
                audited, 15);
    }

    static ChannelConnection account(String token) {
        return new ChannelConnection(UUID.randomUUID(), UUID.randomUUID(), "tiktok", Channel.TIKTOK,
                FakeTikTok.NICKNAME, "@" + FakeTikTok.USERNAME, FakeTikTok.OPEN_ID, token, ZoneId.of("Europe/Berlin"),
                Map.of());
    }

    static ChannelConnection account() {
        return account(FakeTikTok.TOKEN);
    }

    /** An attempt whose checkpoint records into {@link #recorded}, checking nothing was uploaded before. */
    OutgoingPost post(String text, Map<String, String> options, String networkRef, Media... media) {
        UUID id = UUID.randomUUID();
        return new OutgoingPost(id, id + ":1", text, null, List.of(media), NOW, options, networkRef, ref -> {
            assertThat(fake.chunksAccepted).as("the publish_id is recorded before any chunk")
                    .noneMatch(chunk -> chunk.startsWith(ref + ":"));
            recorded.add(ref);
        });
    }

    OutgoingPost privatePost(Media video) {
        return post("Spring roasts are in.", Map.of(PostOption.PRIVACY, "SELF_ONLY"), null, video);
    }

    Media video(byte[] bytes) {
        return new Media(UUID.randomUUID(), "roast.mp4", "video/mp4", bytes.length,
                () -> new ByteArrayInputStream(bytes), 1080, 1920, 15_000L, "h264", true, null);
    }

    Media video(String type, Integer width, Integer height, Long millis, String codec, long size) {
        return new Media(UUID.randomUUID(), "clip", type, size, () -> new ByteArrayInputStream(new byte[0]), width,
                height, millis, codec, true, null);
    }

    byte[] bytes(int size) {
        byte[] b = new byte[size];
        random.nextBytes(b);
        return b;
    }

    JsonNode body(RecordedRequest request) {
        return json.readTree(request.getBody().utf8());
    }

    List<RecordedRequest> requests() throws InterruptedException {
        List<RecordedRequest> all = new ArrayList<>();
        RecordedRequest r;
        while ((r = server.takeRequest(10, TimeUnit.MILLISECONDS)) != null) {
            all.add(r);
        }
        return all;
    }

    static ChannelException failure(Runnable call) {
        try {
            call.run();
        } catch (ChannelException e) {
            return e;
        }
        throw new AssertionError("no ChannelException");
    }

    // --- connecting ---

    @Test
    void theClientIsTikToksLoginKitWithItsClientKeyAndCommaJoinedScopes() {
        OAuthClient client = tiktok().oauth();

        assertThat(client.authorizeUri()).isEqualTo(URI.create("https://www.tiktok.com/v2/auth/authorize/"));
        assertThat(client.tokenUri().toString()).isEqualTo(server.url("/v2/oauth/token/").toString());
        assertThat(client.clientIdParameter()).isEqualTo("client_key");
        assertThat(client.scopeSeparator()).isEqualTo(",");
        assertThat(client.scopes()).containsExactly("user.info.basic", "user.info.profile", "video.publish",
                "video.upload", "video.list");
        assertThat(client.pkce()).isFalse();
        assertThat(client.basicAuth()).isFalse();
        assertThat(client.clientSecret()).isEqualTo(FakeTikTok.CLIENT_SECRET);
        assertThat(tiktok().available()).isTrue();
        assertThat(properties(false, Duration.ofSeconds(1)).toString()).doesNotContain(FakeTikTok.CLIENT_SECRET);
    }

    @Test
    void theTokensUserIsTheAccount() throws Exception {
        List<NetworkAccount> accounts = tiktok().accounts(FakeTikTok.TOKEN);

        assertThat(accounts).containsExactly(new NetworkAccount(FakeTikTok.OPEN_ID, FakeTikTok.NICKNAME,
                "@" + FakeTikTok.USERNAME, "creator", Channel.TIKTOK));
        RecordedRequest request = server.takeRequest();
        assertThat(request.getRequestLine()).isEqualTo("GET /v2/user/info/?fields=open_id,display_name,username "
                + "HTTP/1.1");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + FakeTikTok.TOKEN);
    }

    @Test
    void anExpiredTokenIsUnauthorizedInTikToksWords() {
        fake.tokenExpired = true;

        ChannelException e = failure(() -> tiktok().accounts(FakeTikTok.TOKEN));
        assertThat(e.kind()).isEqualTo(Kind.UNAUTHORIZED);
        assertThat(e.getMessage()).contains("connect the account again").contains("access_token_invalid")
                .contains("log id");

        ChannelException publishing = failure(() -> tiktok().publish(account(), privatePost(video(bytes(1000)))));
        assertThat(publishing.kind()).isEqualTo(Kind.UNAUTHORIZED);
        assertThat(fake.inits()).isZero();
    }

    // --- publishing ---

    @Test
    void aPrivateVideoGoesWholeAfterTheCreatorsSettingsAndIsPolledUntilPublished() throws Exception {
        byte[] bytes = bytes(1_000_000);

        PublishedPost published = tiktok().publish(account(), privatePost(video(bytes)));

        FakeTikTok.Publish p = fake.publishes.get(0);
        assertThat(published).isEqualTo(new PublishedPost(p.id, null, null)); // a private post has no public id
        assertThat(recorded).containsExactly(p.id);
        assertThat(p.bytes()).isEqualTo(bytes);
        assertThat(p.status).isEqualTo("PUBLISH_COMPLETE");
        assertThat(pauses).containsExactly(Duration.ofSeconds(5));
        List<RecordedRequest> requests = requests();
        assertThat(requests).extracting(RecordedRequest::getRequestLine).containsExactly(
                "POST /v2/post/publish/creator_info/query/ HTTP/1.1", "POST /v2/post/publish/video/init/ HTTP/1.1",
                "PUT /upload/?upload_id=" + p.uploadId + "&upload_token=" + p.uploadToken + " HTTP/1.1",
                "POST /v2/post/publish/status/fetch/ HTTP/1.1", "POST /v2/post/publish/status/fetch/ HTTP/1.1");
        assertThat(body(requests.get(1)).toString()).isEqualTo("{\"post_info\":{\"title\":\"Spring roasts are in.\","
                + "\"privacy_level\":\"SELF_ONLY\",\"disable_comment\":true,\"disable_duet\":true,"
                + "\"disable_stitch\":true,\"brand_content_toggle\":false,\"brand_organic_toggle\":false},"
                + "\"source_info\":{\"source\":\"FILE_UPLOAD\",\"video_size\":1000000,\"chunk_size\":1000000,"
                + "\"total_chunk_count\":1}}");
        assertThat(requests.get(2).getHeaders().get("Content-Range")).isEqualTo("bytes 0-999999/1000000");
        assertThat(requests.get(2).getHeaders().get("Content-Type")).isEqualTo("video/mp4");
        assertThat(requests.get(2).getHeaders().get("Authorization")).isNull();
        assertThat(body(requests.get(3)).toString()).isEqualTo("{\"publish_id\":\"" + p.id + "\"}");
    }

    @Test
    void aPublicVideoGoesInChunksWithTheRestInTheLastAndIsAddressedByItsPublicId() throws Exception {
        fake.clientAudited = true;
        byte[] bytes = bytes(12 * MB + 123);
        Map<String, String> options = Map.of(PostOption.PRIVACY, "PUBLIC_TO_EVERYONE", TikTokOptions.COMMENTS,
                PostOption.ON, TikTokOptions.YOUR_BRAND, PostOption.ON);

        PublishedPost published = tiktok(true).publish(account(), post("New roast", options, null, video(bytes)));

        FakeTikTok.Publish p = fake.publishes.get(0);
        assertThat(p.publicId).isNotNull();
        assertThat(published).isEqualTo(new PublishedPost(p.publicId, "https://www.tiktok.com/@acmecoffee/video/"
                + p.publicId, null));
        assertThat(p.chunkSize).isEqualTo(5 * MB);
        assertThat(p.chunkCount).isEqualTo(2);
        assertThat(fake.chunksAccepted).containsExactly(p.id + ":0-" + (5 * MB - 1) + "/" + bytes.length,
                p.id + ":" + 5 * MB + "-" + (bytes.length - 1) + "/" + bytes.length);
        assertThat(p.bytes()).isEqualTo(bytes);
        assertThat(p.postInfo.path("disable_comment").asBoolean()).isFalse();
        assertThat(p.postInfo.path("disable_duet").asBoolean()).isTrue();
        assertThat(p.postInfo.path("brand_organic_toggle").asBoolean()).isTrue();
    }

    @Test
    void aDraftGoesToTheInboxWithoutPostInfo() throws Exception {
        OutgoingPost draft = post("For the inbox", Map.of(PostOption.FORMAT, TikTokOptions.DRAFT), null,
                video(bytes(2000)));

        PublishedPost published = tiktok().publish(account(), draft);

        FakeTikTok.Publish p = fake.publishes.get(0);
        assertThat(p.inbox).isTrue();
        assertThat(p.status).isEqualTo("SEND_TO_USER_INBOX");
        assertThat(published).isEqualTo(new PublishedPost(p.id, null, null));
        assertThat(fake.creatorInfoQueries.get()).isZero();
        RecordedRequest init = requests().get(0);
        assertThat(init.getRequestLine()).isEqualTo("POST /v2/post/publish/inbox/video/init/ HTTP/1.1");
        assertThat(body(init).has("post_info")).isFalse();
    }

    @Test
    void theCreatorsSettingsRefuseThePostBeforeInitWithTheFix() {
        fake.privacyOptions = List.of("FOLLOWER_OF_CREATOR", "SELF_ONLY");
        fake.commentDisabled = true;
        fake.maxVideoPostDurationSec = 10;
        Map<String, String> options = Map.of(PostOption.PRIVACY, "PUBLIC_TO_EVERYONE", TikTokOptions.COMMENTS,
                PostOption.ON);

        ChannelException e = failure(() -> tiktok(true).publish(account(), post("x", options, null,
                video(bytes(1000))))); // 15 s long

        assertThat(e.kind()).isEqualTo(Kind.REFUSED);
        assertThat(e.getMessage()).contains("does not offer Everyone today (it offers Followers, Only me): choose one")
                .contains("has turned comments off in TikTok's settings: turn comments off for this post")
                .contains("roast.mp4 runs 15 s, and Acme Coffee may post videos of up to 10 s on TikTok: trim it.");
        assertThat(fake.inits()).isZero();
    }

    @Test
    void anUnauditedClientPostsOnlyPrivately() {
        Map<String, String> everyone = Map.of(PostOption.PRIVACY, "PUBLIC_TO_EVERYONE");

        ChannelException before = failure(() -> tiktok(false).publish(account(), post("x", everyone, null,
                video(bytes(1000)))));
        assertThat(before.kind()).isEqualTo(Kind.REFUSED);
        assertThat(before.getMessage()).contains("takes only private posts").contains("Choose Only me.");
        assertThat(server.getRequestCount()).isZero();

        // configured as audited while TikTok has not audited it: TikTok's own refusal, in words
        ChannelException tiktoks = failure(() -> tiktok(true).publish(account(), post("x", everyone, null,
                video(bytes(1000)))));
        assertThat(tiktoks.kind()).isEqualTo(Kind.REFUSED);
        assertThat(tiktoks.code()).isEqualTo("unaudited_client_can_only_post_to_private_accounts");
        assertThat(tiktoks.getMessage()).contains("choose Only me");
        assertThat(fake.publishes).isEmpty();
    }

    @Test
    void aFailureAtInitIsRetryableAndLeavesNothing() {
        fake.onInit = Trouble.SERVER_ERROR;
        ChannelException e = failure(() -> tiktok().publish(account(), privatePost(video(bytes(1000)))));
        assertThat(e.kind()).isEqualTo(Kind.RETRYABLE);
        assertThat(fake.publishes).isEmpty();
        assertThat(recorded).isEmpty();
    }

    @Test
    void aTimeoutAtInitIsRetryableBecauseNothingWasUploaded() {
        fake.onInit = Trouble.SLOW;
        TikTokChannel tiktok = new TikTokChannel(properties(false, Duration.ofMillis(500)), clock, pauses::add);

        ChannelException e = failure(() -> tiktok.publish(account(), privatePost(video(bytes(1000)))));

        assertThat(e.kind()).isEqualTo(Kind.RETRYABLE);
        assertThat(recorded).isEmpty();
        assertThat(fake.publishes).allSatisfy(p -> assertThat(p.uploaded()).isFalse());
        assertThat(fake.videos).isEmpty();
    }

    @Test
    void aSeventhInitInAMinuteIsRateLimitedForAMinute() {
        TikTokChannel tiktok = tiktok();
        for (int i = 0; i < 6; i++) {
            tiktok.publish(account(), privatePost(video(bytes(100))));
        }
        ChannelException e = failure(() -> tiktok.publish(account(), privatePost(video(bytes(100)))));
        assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(1));
        assertThat(fake.inits()).isEqualTo(6);

        clock.advance(Duration.ofSeconds(61));
        tiktok.publish(account(), privatePost(video(bytes(100))));
        assertThat(fake.inits()).isEqualTo(7);
    }

    @Test
    void aChunkRefusedBeforeTheLastIsRetryableAndPublishesNothing() {
        fake.troubledChunk = 0;
        fake.chunkTrouble = Trouble.SERVER_ERROR;

        ChannelException e = failure(() -> tiktok().publish(account(), privatePost(video(bytes(11 * MB)))));

        assertThat(e.kind()).isEqualTo(Kind.RETRYABLE);
        assertThat(e.getMessage()).contains("did not take part 1 of 2").contains("nothing was posted");
        assertThat(recorded).hasSize(1);
        assertThat(fake.publishes.get(0).uploaded()).isFalse();
        assertThat(fake.statusFetches.get()).isZero();
    }

    @Test
    void aTimeoutOfTheLastChunkIsAnUnknownOutcomeThatTheLookupFinds() {
        fake.troubledChunk = 1;
        fake.chunkTrouble = Trouble.SLOW;
        fake.slowFor = Duration.ofSeconds(7); // past the chunk timeout of 5 s
        OutgoingPost post = privatePost(video(bytes(11 * MB)));

        ChannelException e = failure(() -> tiktok().publish(account(), post));

        assertThat(e.kind()).isEqualTo(Kind.UNKNOWN_OUTCOME);
        assertThat(fake.publishes.get(0).uploaded()).isTrue();
        fake.processingPolls = 0;
        Lookup found = tiktok().lookup(account(), withRef(post, recorded.get(0)), NOW);
        assertThat(found.found()).isEqualTo(Lookup.Found.FOUND);
        assertThat(found.post().externalId()).isEqualTo(recorded.get(0));
        assertThat(fake.inits()).isEqualTo(1);
        assertThat(fake.chunksAccepted).hasSize(2); // the last chunk was sent once
    }

    @Test
    void aRejectedTokenWhilePollingIsAnUnknownOutcomeNeverASecondInit() {
        fake.onStatus = Trouble.EXPIRED_TOKEN;
        OutgoingPost post = privatePost(video(bytes(1000)));

        ChannelException e = failure(() -> tiktok().publish(account(), post));

        // not UNAUTHORIZED: the runner's look-up gets a renewed token and asks about the recorded publish_id
        assertThat(e.kind()).isEqualTo(Kind.UNKNOWN_OUTCOME);
        assertThat(e.getMessage()).contains("TikTok has the whole video");
        fake.onStatus = null;
        fake.processingPolls = 0;
        Lookup lookup = tiktok().lookup(account(), withRef(post, recorded.get(0)), NOW);
        assertThat(lookup.found()).isEqualTo(Lookup.Found.FOUND);
        assertThat(lookup.post().externalId()).isEqualTo(recorded.get(0));
        assertThat(fake.inits()).isEqualTo(1);
    }

    @Test
    void aDraftInterruptedWhilePollingIsFoundInTheInbox() {
        fake.onStatus = Trouble.SERVER_ERROR;
        OutgoingPost draft = post("For the inbox", Map.of(PostOption.FORMAT, TikTokOptions.DRAFT), null,
                video(bytes(2000)));

        assertThat(failure(() -> tiktok().publish(account(), draft)).kind()).isEqualTo(Kind.UNKNOWN_OUTCOME);

        fake.onStatus = null;
        fake.processingPolls = 0;
        Lookup lookup = tiktok().lookup(account(), withRef(draft, recorded.get(0)), NOW);
        assertThat(lookup).isEqualTo(Lookup.found(new PublishedPost(recorded.get(0), null, null)));
    }

    @Test
    void aServerErrorWhilePollingIsAnUnknownOutcome() {
        fake.onStatus = Trouble.SERVER_ERROR;
        assertThat(failure(() -> tiktok().publish(account(), privatePost(video(bytes(1000))))).kind())
                .isEqualTo(Kind.UNKNOWN_OUTCOME);
        assertThat(fake.inits()).isEqualTo(1);
    }

    @Test
    void aPostStillProcessingAfterTheWaitIsAskedAgainLater() {
        fake.processingPolls = 100;
        OutgoingPost post = privatePost(video(bytes(1000)));

        ChannelException e = failure(() -> tiktok().publish(account(), post));
        assertThat(e.kind()).isEqualTo(Kind.UNKNOWN_OUTCOME);
        assertThat(pauses).hasSize(4); // 20 s in pauses of 5 s

        ChannelException later = failure(() -> tiktok().lookup(account(), withRef(post, recorded.get(0)), NOW));
        assertThat(later.retryable()).isTrue(); // the runner asks again after retryAfter
        assertThat(later.retryAfter()).isEqualTo(Duration.ofMinutes(1));

        fake.processingPolls = 0;
        assertThat(tiktok().lookup(account(), withRef(post, recorded.get(0)), NOW).found())
                .isEqualTo(Lookup.Found.FOUND);
    }

    @Test
    void aFailedPublishIsRefusedInWordsAndNotFoundLater() {
        fake.failReason = "frame_rate_check_failed";
        OutgoingPost post = privatePost(video(bytes(1000)));

        ChannelException e = failure(() -> tiktok().publish(account(), post));

        assertThat(e.kind()).isEqualTo(Kind.REFUSED);
        assertThat(e.getMessage()).contains("TikTok takes 23 to 60 frames per second").contains("frame_rate_check_failed");
        assertThat(tiktok().lookup(account(), withRef(post, recorded.get(0)), NOW))
                .isEqualTo(Lookup.notFound());
    }

    @Test
    void aLookupWithoutARecordedPublishIdIsNotFoundWithoutAsking() {
        assertThat(tiktok().lookup(account(), privatePost(video(bytes(10))), NOW)).isEqualTo(Lookup.notFound());
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void anUploadThatStoppedShortIsNotFound() {
        fake.troubledChunk = 1;
        fake.chunkTrouble = Trouble.SERVER_ERROR;
        OutgoingPost post = privatePost(video(bytes(11 * MB)));
        failure(() -> tiktok().publish(account(), post));

        assertThat(tiktok().lookup(account(), withRef(post, recorded.get(0)), NOW)).isEqualTo(Lookup.notFound());
    }

    @Test
    void theFakeRefusesTheStatusOfAnUnknownPublishId() {
        OutgoingPost post = withRef(privatePost(video(bytes(10))), "v_pub_file~v2-1.404");
        ChannelException e = failure(() -> tiktok().lookup(account(), post, NOW));
        assertThat(e.kind()).isEqualTo(Kind.REFUSED);
        assertThat(e.getMessage()).contains("invalid_params");
    }

    @Test
    void theHoldPublishesTheVideoAndKeepsTheAnswerUntilReleased() throws Exception {
        fake.hold = new CountDownLatch(1);
        TikTokChannel tiktok = new TikTokChannel(properties(false, Duration.ofSeconds(30)), clock, pauses::add);

        CompletableFuture<PublishedPost> publishing = CompletableFuture.supplyAsync(() ->
                tiktok.publish(account(), privatePost(video(bytes(1000)))));

        assertThat(fake.holding.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(fake.published()).hasSize(1);
        assertThat(fake.publishes.get(0).status).isEqualTo("PUBLISH_COMPLETE");
        assertThat(publishing).isNotDone();
        fake.hold.countDown();
        assertThat(publishing.get(10, TimeUnit.SECONDS).externalId()).isEqualTo(fake.publishes.get(0).id);
    }

    @Test
    void aVideoOfUnknownSizeIsMeasuredBeforeInit() {
        byte[] bytes = bytes(3000);
        Media unknown = new Media(UUID.randomUUID(), "roast.mp4", "video/mp4", -1,
                () -> new ByteArrayInputStream(bytes), null, null, null, null, null, null);

        tiktok().publish(account(), privatePost(unknown));

        assertThat(fake.publishes.get(0).videoSize).isEqualTo(3000);
        assertThat(fake.publishes.get(0).bytes()).isEqualTo(bytes);
    }

    // --- metrics ---

    @Test
    void metricsAreTheVideosViewsAndItsLikesCommentsAndShares() throws Exception {
        FakeTikTok.Video video = fake.seedVideo("7311111111111111111");
        video.views = 1200;
        video.likes = 80;
        video.comments = 7;
        video.shares = 3;

        assertThat(tiktok().metrics(account(), video.id)).isEqualTo(new PostMetrics(1200L, null, 90L, null));
        RecordedRequest query = server.takeRequest();
        assertThat(query.getRequestLine()).isEqualTo("POST /v2/video/query/?fields=id,view_count,like_count,"
                + "comment_count,share_count HTTP/1.1");
        assertThat(body(query).toString()).isEqualTo("{\"filters\":{\"video_ids\":[\"7311111111111111111\"]}}");
    }

    @Test
    void aPostRecordedByItsPublishIdGetsNumbersOnceTikTokNamesTheVideo() {
        fake.clientAudited = true;
        fake.processingPolls = 0;
        OutgoingPost friends = post("x", Map.of(PostOption.PRIVACY, "MUTUAL_FOLLOW_FRIENDS"), null, video(bytes(100)));
        tiktok(true).publish(account(), friends);
        FakeTikTok.Publish p = fake.publishes.get(0);
        fake.videos.get(p.publicId).views = 5;

        assertThat(tiktok().metrics(account(), p.id)).isEqualTo(new PostMetrics(5L, null, 0L, null));

        tiktok().publish(account(), privatePost(video(bytes(100))));
        assertThat(tiktok().metrics(account(), fake.publishes.get(1).id))
                .isEqualTo(new PostMetrics(null, null, null, null)); // private: TikTok names no public video
    }

    @Test
    void metricsOfAVideoTikTokNoLongerHasAreRefused() {
        ChannelException e = failure(() -> tiktok().metrics(account(), "7319999999999999999"));
        assertThat(e.kind()).isEqualTo(Kind.REFUSED);
        assertThat(e.getMessage()).contains("no longer has video 7319999999999999999");
    }

    // --- preflight ---

    @Test
    void preflightChecksTikToksVideoSpecificationsWithTheFix() {
        TikTokChannel tiktok = tiktok(true);
        Map<String, String> everyone = Map.of(PostOption.PRIVACY, "PUBLIC_TO_EVERYONE");

        assertThat(tiktok.preflight(post("ok", everyone, null, video("video/mp4", 1080, 1920, 15_000L, "h264",
                10 * MB)))).isEmpty();
        assertThat(tiktok.preflight(post("ok", everyone, null, video("video/mp4", null, null, null, null, -1))))
                .as("facts not measured are not held against the post").isEmpty();
        assertThat(tiktok.preflight(post("x", everyone, null, video("video/x-msvideo", 1080, 1920, 1000L, "h264", 1))))
                .containsExactly("clip is video/x-msvideo: TikTok takes MP4, WebM or MOV videos; export it as an "
                        + "MP4 with H.264.");
        assertThat(tiktok.preflight(post("x", everyone, null, video("video/mp4", 1080, 1920, 1000L, "prores", 1))))
                .containsExactly("clip is encoded with prores: TikTok takes H.264, H.265, VP8 or VP9; export it "
                        + "with H.264.");
        assertThat(tiktok.preflight(post("x", everyone, null, video("video/mp4", 1080, 1920, 1000L, "hvc1",
                5L * 1024 * MB)))).containsExactly("clip is larger than TikTok's 4 GB: export it at a lower bitrate.");
        assertThat(tiktok.preflight(post("x", everyone, null, video("video/webm", 1080, 1920, 601_000L, "vp9", 1))))
                .containsExactly("clip runs 601 s: apps may send TikTok videos of up to 10 minutes; trim it.");
        assertThat(tiktok.preflight(post("x", everyone, null, video("video/quicktime", 320, 4100, 1000L, "h264", 1))))
                .containsExactly("clip is 320×4100 pixels: TikTok takes 360 to 4096 pixels on each side; export it "
                        + "at 1080×1920.");
        assertThat(tiktok.preflight(post("x".repeat(2201), everyone, null, video(bytes(10)))))
                .containsExactly("TikTok takes captions of up to 2200 characters; this one has 2201: shorten it.");
        Media image = new Media(UUID.randomUUID(), "a.jpg", "image/jpeg", 10, () -> new ByteArrayInputStream(
                new byte[10]));
        assertThat(tiktok.preflight(post("x", everyone, null, image))).containsExactly("A TikTok post here is one "
                + "video: attach exactly one video (and no images).");
        assertThat(tiktok.preflight(post("x", everyone, null))).hasSize(1);
    }

    @Test
    void preflightChecksTheChoicesTikTokRequires() {
        Media ok = video(bytes(10));
        assertThat(tiktok(true).preflight(post("x", Map.of(), null, ok))).containsExactly("Choose who can see this "
                + "video on TikTok: TikTok requires a person to choose, and there is no default.");
        assertThat(tiktok(true).preflight(post("x", Map.of(PostOption.PRIVACY, "PUBLIC"), null, ok)))
                .containsExactly("TikTok has no privacy level PUBLIC: choose one of the account's options.");
        assertThat(tiktok(false).preflight(post("x", Map.of(PostOption.PRIVACY, "FOLLOWER_OF_CREATOR"), null, ok)))
                .singleElement().asString().startsWith("This post is for Followers, but TikTok has not audited")
                .endsWith("Choose Only me.");
        assertThat(tiktok(true).preflight(post("x", Map.of(PostOption.PRIVACY, "SELF_ONLY",
                TikTokOptions.BRANDED_CONTENT, PostOption.ON), null, ok))).containsExactly("TikTok does not allow "
                + "branded content to be private. Choose who can see it other than Only me, or turn the branded "
                + "content disclosure off.");
        assertThat(tiktok(false).preflight(post("x", Map.of(PostOption.FORMAT, TikTokOptions.DRAFT), null, ok)))
                .as("a draft is finished in TikTok, where the creator chooses").isEmpty();
    }

    @Test
    void publishRefusesWhatPreflightFindsWithoutCallingTikTok() {
        ChannelException e = failure(() -> tiktok().publish(account(), post("x", Map.of(), null,
                video("video/mp4", 100, 100, 1000L, "h264", 10))));

        assertThat(e.kind()).isEqualTo(Kind.REFUSED);
        assertThat(e.getMessage()).contains("360 to 4096 pixels").contains("Choose who can see this video");
        assertThat(server.getRequestCount()).isZero();
    }

    // --- options and limits ---

    @Test
    void theOptionsAreTheCreatorsWithNoPrivacyDefaultAndInteractionsOff() {
        fake.privacyOptions = List.of("PUBLIC_TO_EVERYONE", "FOLLOWER_OF_CREATOR", "SELF_ONLY");
        fake.duetDisabled = true;

        Map<String, PostOption> options = byKey(tiktok(true).postOptions(account()));

        assertThat(options.keySet()).containsExactly(PostOption.FORMAT, PostOption.PRIVACY, TikTokOptions.COMMENTS,
                TikTokOptions.DUETS, TikTokOptions.STITCHES, TikTokOptions.YOUR_BRAND, TikTokOptions.BRANDED_CONTENT);
        PostOption privacy = options.get(PostOption.PRIVACY);
        assertThat(privacy.choices()).extracting(PostOption.Choice::value).containsExactly("PUBLIC_TO_EVERYONE",
                "FOLLOWER_OF_CREATOR", "SELF_ONLY");
        assertThat(privacy.defaultValue()).isNull();
        assertThat(privacy.label()).contains("Acme Coffee");
        assertThat(privacy.help()).isEqualTo("By posting, you agree to TikTok's Music Usage Confirmation.");
        for (String interaction : List.of(TikTokOptions.COMMENTS, TikTokOptions.DUETS, TikTokOptions.STITCHES)) {
            assertThat(options.get(interaction).defaultValue()).isEqualTo(PostOption.OFF);
        }
        assertThat(options.get(TikTokOptions.DUETS).disabledWhy()).isEqualTo("Acme Coffee has turned Duet off in "
                + "TikTok's settings.");
        assertThat(options.get(TikTokOptions.COMMENTS).disabled()).isFalse();
        assertThat(options.get(TikTokOptions.YOUR_BRAND).help()).contains("Promotional content");
        assertThat(options.get(TikTokOptions.BRANDED_CONTENT).help()).contains("Paid partnership")
                .endsWith("By posting, you agree to TikTok's Branded Content Policy and Music Usage Confirmation.");
        assertThat(options.get(TikTokOptions.BRANDED_CONTENT).disabled()).isFalse();
        assertThat(options.get(PostOption.FORMAT).defaultValue()).isEqualTo(TikTokOptions.VIDEO);
        assertThat(fake.creatorInfoQueries.get()).isEqualTo(1);
    }

    @Test
    void anUnauditedClientOffersOnlyPrivatePostsAndSaysWhy() {
        Map<String, PostOption> options = byKey(tiktok(false).postOptions(account()));

        assertThat(options.get(PostOption.PRIVACY).choices()).extracting(PostOption.Choice::value)
                .containsExactly("SELF_ONLY");
        assertThat(options.get(PostOption.PRIVACY).defaultValue()).isNull();
        assertThat(options.get(PostOption.PRIVACY).help()).contains("not audited").contains("Music Usage Confirmation");
        assertThat(options.get(TikTokOptions.BRANDED_CONTENT).disabledWhy()).contains("branded content to be private");
    }

    @Test
    void limitsAreTheConfiguredDailyCapAndWhatStopsTheAccount() {
        PostingLimits unaudited = tiktok(false).limits(account());
        assertThat(unaudited.postsPerDay()).isEqualTo(15);
        assertThat(unaudited.usedToday()).isZero();
        // an unaudited app and a short maximum stop only some posts: their preflight says so, not the account
        assertThat(unaudited.accountBlockers()).isEmpty();
        fake.maxVideoPostDurationSec = 180;
        assertThat(tiktok(true).limits(account()).accountBlockers()).isEmpty();
    }

    // --- the fake itself refuses what TikTok refuses ---

    @Test
    void theFakeRefusesAChunkOutOfOrderOrWithAWrongRange() throws Exception {
        fake.clientAudited = true;
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        String init = "{\"source_info\":{\"source\":\"FILE_UPLOAD\",\"video_size\":" + 11 * MB + ",\"chunk_size\":"
                + 5 * MB + ",\"total_chunk_count\":2}}";
        var started = http.send(java.net.http.HttpRequest.newBuilder(URI.create(server.url(
                "/v2/post/publish/inbox/video/init/").toString())).header("Authorization", "Bearer " + FakeTikTok.TOKEN)
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(init)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        URI upload = URI.create(json.readTree(started.body()).path("data").path("upload_url").asString());

        int secondFirst = put(http, upload, 5 * MB, 11 * MB - 1, 11 * MB); // chunk 2 before chunk 1
        int wrongTotal = put(http, upload, 0, 5 * MB - 1, 12 * MB);
        int first = put(http, upload, 0, 5 * MB - 1, 11 * MB);

        assertThat(List.of(secondFirst, wrongTotal, first)).containsExactly(416, 416, 206);
        assertThat(fake.violations).hasSize(2);
        fake.violations.clear();
    }

    private static int put(java.net.http.HttpClient http, URI upload, long first, long last, long total)
            throws Exception {
        byte[] chunk = new byte[(int) (last - first + 1)];
        return http.send(java.net.http.HttpRequest.newBuilder(upload).header("Content-Type", "video/mp4")
                .header("Content-Range", "bytes " + first + "-" + last + "/" + total)
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofByteArray(chunk)).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void theFakesTokenEndpointGrantsADayAndRefreshesWithTheClientKey() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        String form = "client_key=" + FakeTikTok.CLIENT_KEY + "&client_secret=" + FakeTikTok.CLIENT_SECRET
                + "&grant_type=refresh_token&refresh_token=";
        var good = http.send(java.net.http.HttpRequest.newBuilder(tiktok().oauth().tokenUri())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form + FakeTikTok.REFRESH_TOKEN)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        var spent = http.send(java.net.http.HttpRequest.newBuilder(tiktok().oauth().tokenUri())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form + "rft.spent")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(json.readTree(good.body()).path("expires_in").asInt()).isEqualTo(86400);
        assertThat(json.readTree(good.body()).path("refresh_expires_in").asInt()).isEqualTo(31536000);
        assertThat(spent.statusCode()).isEqualTo(400);
        assertThat(json.readTree(spent.body()).path("error").asString()).isEqualTo("invalid_grant");
    }

    static Map<String, PostOption> byKey(List<PostOption> options) {
        Map<String, PostOption> byKey = new java.util.LinkedHashMap<>();
        options.forEach(o -> byKey.put(o.key(), o));
        return byKey;
    }

    OutgoingPost withRef(OutgoingPost post, String ref) {
        return new OutgoingPost(post.channelPostId(), post.idempotencyKey(), post.text(), null, post.media(),
                post.attemptStartedAt(), post.options(), ref, null);
    }

}

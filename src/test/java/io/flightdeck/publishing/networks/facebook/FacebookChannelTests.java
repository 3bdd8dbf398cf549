package io.flightdeck.publishing.networks.facebook;

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
import io.flightdeck.publishing.channels.OAuthChannelAdapter.KeptToken;
import io.flightdeck.publishing.channels.OAuthClient;
import io.flightdeck.publishing.channels.OutgoingPost;
import io.flightdeck.publishing.channels.OutgoingPost.Media;
import io.flightdeck.publishing.channels.PostMetrics;
import io.flightdeck.publishing.channels.PostOption;
import io.flightdeck.publishing.channels.PostingLimits;
import io.flightdeck.publishing.channels.PublishedPost;
import io.flightdeck.publishing.networks.facebook.FakeFacebook.Trouble;
import io.flightdeck.publishing.networks.NetworkTestClock;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Facebook Pages adapter against a fake of Meta's documented Graph API that checks every request's shape. */
class FacebookChannelTests {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    @StartStop
    final MockWebServer server = new MockWebServer();
    final NetworkTestClock clock = new NetworkTestClock(NOW);
    final FakeFacebook fake = new FakeFacebook(clock);
    final List<Duration> pauses = new ArrayList<>();
    final List<String> checkpoints = new ArrayList<>();
    final Random random = new Random(7);

    @BeforeEach
    void setUp() {
        server.setDispatcher(fake);
    }

    @AfterEach
    void theFakeSawOnlyDocumentedRequests() {
        assertThat(fake.violations).isEmpty();
    }

    FacebookChannel facebook() {
        return facebook(Duration.ofSeconds(1));
    }

    FacebookChannel facebook(Duration timeout) {
        URI base = URI.create(server.url("/").toString());
        return new FacebookChannel(new FacebookProperties(FakeFacebook.APP_ID, FakeFacebook.APP_SECRET,
                FakeFacebook.VERSION, base, base, base, base, timeout, Duration.ofSeconds(30),
                Duration.ofMinutes(2), null), clock, pauses::add);
    }

    static ChannelConnection page(String token) {
        return new ChannelConnection(UUID.randomUUID(), UUID.randomUUID(), "facebook", Channel.FACEBOOK,
                FakeFacebook.PAGE_NAME, null, FakeFacebook.PAGE_ID, token, ZoneId.of("Europe/Berlin"), Map.of());
    }

    static ChannelConnection page() {
        return page(FakeFacebook.PAGE_TOKEN);
    }

    OutgoingPost post(String text, String comment, Map<String, String> options, String ref, Media... media) {
        UUID id = UUID.randomUUID();
        return new OutgoingPost(id, id + ":1", text, comment, List.of(media), NOW, options, ref, checkpoints::add);
    }

    OutgoingPost post(String text, Media... media) {
        return post(text, null, Map.of(), null, media);
    }

    static Media media(String name, String type, byte[] bytes) {
        return new Media(UUID.randomUUID(), name, type, bytes.length, () -> new ByteArrayInputStream(bytes));
    }

    static Media video(String name, byte[] bytes, int width, int height, long millis, String codec) {
        return new Media(UUID.randomUUID(), name, "video/mp4", bytes.length, () -> new ByteArrayInputStream(bytes),
                width, height, millis, codec, true, null);
    }

    byte[] bytes(int size) {
        byte[] b = new byte[size];
        random.nextBytes(b);
        return b;
    }

    String web() {
        return server.url("/").toString().replaceAll("/+$", "");
    }

    // --- connecting ---

    @Test
    void theLoginDialogAndCodeExchangeAreMetasWithCommaSeparatedScopesAndAGet() {
        OAuthClient client = facebook().oauth();
        assertThat(client.authorizeUri().toString()).isEqualTo(web() + "/v24.0/dialog/oauth");
        assertThat(client.tokenUri().toString()).isEqualTo(web() + "/v24.0/oauth/access_token");
        assertThat(client.scopeSeparator()).isEqualTo(",");
        assertThat(client.scopes()).containsAll(FakeFacebook.SCOPES).contains("read_insights");
        assertThat(client.pkce()).isFalse();
        assertThat(client.tokenByGet()).isTrue();
    }

    @Test
    void theShortLivedUserTokenIsTradedForALongLivedOneWhosePagesKeepTheirOwnTokens() {
        fake.tokens.put("short", NOW.plusSeconds(3600));
        fake.owners.put("short", "user");
        KeptToken kept = facebook().keep(new KeptToken("short", NOW.plusSeconds(3600)));
        assertThat(kept.accessToken()).startsWith("fb-user-long-");
        assertThat(kept.expiresAt()).isEqualTo(NOW.plusSeconds(5_183_944));

        List<NetworkAccount> pages = facebook().accounts(kept.accessToken());
        assertThat(pages).extracting(NetworkAccount::externalId).containsExactly(FakeFacebook.PAGE_ID,
                FakeFacebook.OTHER_PAGE_ID); // the Page the person only analyses is not offered
        assertThat(pages.get(0).displayName()).isEqualTo(FakeFacebook.PAGE_NAME);
        assertThat(pages.get(0).channel()).isEqualTo(Channel.FACEBOOK);
        assertThat(pages.get(0).token()).isEqualTo(new KeptToken(FakeFacebook.PAGE_TOKEN, null));
        assertThat(facebook().accountsHaveOwnTokens()).isTrue();
        assertThat(facebook().renewsKeptTokens()).isFalse();
    }

    @Test
    void aLapsedUserTokenCannotBeKept() {
        fake.tokens.put("short", NOW.minusSeconds(1));
        fake.owners.put("short", "user");
        assertThatThrownBy(() -> facebook().keep(new KeptToken("short", NOW)))
                .isInstanceOfSatisfying(ChannelException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNAUTHORIZED));
    }

    // --- publishing ---

    @Test
    void aTextPostWithALinkGoesToTheFeedAndItsFirstCommentUnderIt() {
        PublishedPost published = facebook().publish(page(), post("New roast: https://acme.example/beans", "Order now",
                Map.of(), null));

        assertThat(fake.posts).hasSize(1);
        FakeFacebook.Post created = fake.posts.get(0);
        assertThat(created.message).isEqualTo("New roast: https://acme.example/beans");
        assertThat(created.link).isEqualTo("https://acme.example/beans");
        assertThat(published.externalId()).isEqualTo(created.id).startsWith(FakeFacebook.PAGE_ID + "_");
        assertThat(published.url()).isEqualTo(web() + "/" + created.id);
        assertThat(published.commentId()).isNotNull();
        assertThat(fake.comments).containsExactly(created.id + ": Order now");
        assertThat(fake.creates).containsExactly("feed");
    }

    @Test
    void onePhotoIsSentFromItsFileAsThePostsSource() {
        byte[] jpeg = bytes(30_000);
        PublishedPost published = facebook().publish(page(), post("Latte art", media("latte.jpg", "image/jpeg", jpeg)));

        assertThat(fake.posts).hasSize(1);
        assertThat(fake.posts.get(0).message).isEqualTo("Latte art");
        String photo = fake.posts.get(0).photos.get(0);
        assertThat(fake.photoBytes.get(photo)).isEqualTo(jpeg);
        assertThat(fake.photos.get(photo)).isTrue();
        assertThat(published.externalId()).isEqualTo(fake.posts.get(0).id);
    }

    @Test
    void severalPhotosAreUploadedUnpublishedThenAttachedToOneFeedPost() {
        byte[] a = bytes(10_000);
        byte[] b = bytes(12_000);
        facebook().publish(page(), post("Two views", media("a.jpg", "image/jpeg", a), media("b.png", "image/png", b)));

        assertThat(fake.posts).hasSize(1);
        assertThat(fake.posts.get(0).photos).hasSize(2);
        assertThat(fake.posts.get(0).photos).allSatisfy(id -> assertThat(fake.photos.get(id)).isFalse());
        assertThat(fake.photoBytes.get(fake.posts.get(0).photos.get(1))).isEqualTo(b);
        assertThat(fake.creates).containsExactly("feed");
    }

    @Test
    void aVideoGoesInMetasChunksAndItsIdIsRecordedBeforeTheFinish() {
        byte[] mp4 = bytes(FakeFacebook.CHUNK * 2 + 500);
        PublishedPost published = facebook().publish(page(), post("Behind the roaster",
                video("roast.mp4", mp4, 1920, 1080, 120_000L, "h264")));

        FakeFacebook.Video v = fake.videos.get(published.externalId());
        assertThat(v.reel).isFalse();
        assertThat(v.bytes.toByteArray()).isEqualTo(mp4);
        assertThat(v.description).isEqualTo("Behind the roaster");
        assertThat(v.publishing).isEqualTo("complete");
        assertThat(checkpoints).containsExactly(v.id);
        assertThat(published.url()).isEqualTo(web() + "/watch/?v=" + v.id);
        assertThat(fake.creates).containsExactly("video-finish");
    }

    @Test
    void aReelIsStartedUploadedToRuploadAwaitedAndPublished() {
        byte[] mp4 = bytes(90_000);
        fake.uploadChecks = 2;
        PublishedPost published = facebook().publish(page(), post("Pour-over in 30 s", "Recipe in the bio",
                Map.of(PostOption.FORMAT, "reel"), null, video("reel.mp4", mp4, 1080, 1920, 30_000L, "h264")));

        FakeFacebook.Video v = fake.videos.get(published.externalId());
        assertThat(v.reel).isTrue();
        assertThat(v.bytes.toByteArray()).isEqualTo(mp4);
        assertThat(v.publishing).isEqualTo("complete");
        assertThat(v.description).isEqualTo("Pour-over in 30 s");
        assertThat(checkpoints).containsExactly(v.id);
        assertThat(pauses).hasSize(2);
        assertThat(published.url()).isEqualTo(web() + "/reel/" + v.id);
        assertThat(fake.comments).containsExactly(v.id + ": Recipe in the bio");
    }

    // --- errors before the step that can duplicate: plain retries, nothing on the Page ---

    @Test
    void troubleBeforeTheCreatingCallIsRetryableAndLeavesNothing() {
        fake.onUpload = Trouble.UNAVAILABLE;
        assertThatThrownBy(() -> facebook().publish(page(), post("Clip", video("c.mp4", bytes(1000), 1920, 1080,
                10_000L, "h264")))).isInstanceOfSatisfying(ChannelException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.RETRYABLE));
        assertThatThrownBy(() -> facebook().publish(page(), post("Two", media("a.jpg", "image/jpeg", bytes(10)),
                media("b.jpg", "image/jpeg", bytes(10))))).isInstanceOfSatisfying(ChannelException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.RETRYABLE));
        fake.onUpload = Trouble.RATE_LIMITED;
        assertThatThrownBy(() -> facebook().publish(page(), post("Reel", null, Map.of(PostOption.FORMAT, "reel"), null,
                video("r.mp4", bytes(1000), 1080, 1920, 10_000L, "h264")))).isInstanceOfSatisfying(
                ChannelException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(17));
                });
        assertThat(fake.posts).isEmpty();
        assertThat(fake.videos.values()).allSatisfy(v -> assertThat(v.publishing).isEqualTo("not_started"));
        assertThat(fake.creates).isEmpty();
    }

    @Test
    void anExpiredPageTokenBreaksTheAccountAndADuplicateIsRefused() {
        fake.expireAll();
        assertThatThrownBy(() -> facebook().publish(page(), post("Hello"))).isInstanceOfSatisfying(
                ChannelException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNAUTHORIZED));
        assertThatThrownBy(() -> facebook().publish(page(null), post("Hello"))).isInstanceOfSatisfying(
                ChannelException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNAUTHORIZED));

        fake.tokens.put(FakeFacebook.PAGE_TOKEN, Instant.MAX);
        fake.onCreate = Trouble.DUPLICATE;
        assertThatThrownBy(() -> facebook().publish(page(), post("Hello"))).isInstanceOfSatisfying(
                ChannelException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.REFUSED);
                    assertThat(e.code()).isEqualTo("duplicate");
                });
    }

    // --- an interrupted attempt ---

    @Test
    void aFeedPostWhoseAnswerNeverCameIsFoundByItsTextAndNeverSentTwice() {
        fake.onCreate = Trouble.SLOW;
        fake.seed("Fresh beans", NOW.minus(Duration.ofHours(3))); // an older post with the same text
        OutgoingPost post = post("Fresh  beans\n");
        assertThatThrownBy(() -> facebook().publish(page(), post)).isInstanceOfSatisfying(ChannelException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.UNKNOWN_OUTCOME));
        assertThat(fake.creates).containsExactly("feed");
        fake.onCreate = null;

        Lookup found = facebook().lookup(page(), post, NOW);
        assertThat(found.found()).isEqualTo(Lookup.Found.FOUND);
        assertThat(found.post().externalId()).isEqualTo(fake.posts.get(1).id);
        assertThat(fake.creates).containsExactly("feed");
    }

    @Test
    void aFeedPostThatIsNotThereIsSentAgainOnlyOnceItCanNoLongerAppear() {
        OutgoingPost post = post("Never arrived");
        assertThatThrownBy(() -> facebook().lookup(page(), post, NOW)).isInstanceOfSatisfying(ChannelException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.RETRYABLE));
        clock.advance(Duration.ofMinutes(5));
        assertThat(facebook().lookup(page(), post, NOW).found()).isEqualTo(Lookup.Found.NOT_FOUND);
        assertThat(facebook().lookup(page(), post(null, media("a.jpg", "image/jpeg", bytes(5))), NOW).found())
                .isEqualTo(Lookup.Found.UNKNOWN); // a post without text cannot be told from others
    }

    @Test
    void aReelWhoseFinishTimedOutIsAskedAboutByItsRecordedId() {
        fake.onCreate = Trouble.SLOW;
        OutgoingPost reel = post("Reel", null, Map.of(PostOption.FORMAT, "reel"), null,
                video("r.mp4", bytes(2000), 1080, 1920, 10_000L, "h264"));
        assertThatThrownBy(() -> facebook().publish(page(), reel)).isInstanceOfSatisfying(ChannelException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.UNKNOWN_OUTCOME));
        fake.onCreate = null;
        assertThat(checkpoints).hasSize(1);
        String ref = checkpoints.get(0);

        OutgoingPost interrupted = post("Reel", null, Map.of(PostOption.FORMAT, "reel"), ref,
                video("r.mp4", bytes(2000), 1080, 1920, 10_000L, "h264"));
        Lookup found = facebook().lookup(page(), interrupted, NOW);
        assertThat(found.found()).isEqualTo(Lookup.Found.FOUND);
        assertThat(found.post()).isEqualTo(new PublishedPost(ref, web() + "/reel/" + ref, null));
        assertThat(fake.creates).containsExactly("reel-finish");
    }

    @Test
    void aVideoWhoseFinishNeverArrivedOrThatMetaDoesNotKnowIsSafeToSendAgain() {
        fake.onCreate = Trouble.UNAVAILABLE;
        assertThatThrownBy(() -> facebook().publish(page(), post("Clip", video("c.mp4", bytes(3000), 1920, 1080,
                10_000L, "h264")))).isInstanceOf(ChannelException.class);
        fake.onCreate = null;
        String ref = checkpoints.get(0);
        assertThat(facebook().lookup(page(), post("Clip", null, Map.of(), ref), NOW).found())
                .isEqualTo(Lookup.Found.NOT_FOUND);
        assertThat(facebook().lookup(page(), post("Clip", null, Map.of(), "999999"), NOW).found())
                .isEqualTo(Lookup.Found.NOT_FOUND);
        fake.onRead = Trouble.UNAVAILABLE;
        assertThatThrownBy(() -> facebook().lookup(page(), post("Clip", null, Map.of(), ref), NOW))
                .isInstanceOfSatisfying(ChannelException.class, e -> assertThat(e.kind()).isEqualTo(Kind.RETRYABLE));
    }

    @Test
    void theHoldLetsTheCreatingCallDoItsWorkAndWaitUntilReleased() throws Exception {
        fake.hold = new java.util.concurrent.CountDownLatch(1);
        var publishing = java.util.concurrent.CompletableFuture.supplyAsync(() -> facebook(Duration.ofSeconds(30)).publish(page(),
                post("Held")));
        long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (fake.posts.isEmpty() && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        assertThat(fake.posts).extracting(p -> p.message).containsExactly("Held");
        assertThat(publishing).isNotDone();
        fake.hold.countDown();
        assertThat(publishing.get(5, java.util.concurrent.TimeUnit.SECONDS).externalId()).isEqualTo(fake.posts.get(0).id);
    }

    // --- numbers, preflight, options, limits ---

    @Test
    void aPostsNumbersAreItsViewsReachClicksAndEngagements() {
        PublishedPost published = facebook().publish(page(), post("Numbers"));
        FakeFacebook.Post p = fake.post(published.externalId());
        p.insights.putAll(Map.of("post_media_view", 120L, "post_total_media_view_unique", 90L, "post_clicks", 7L));
        p.reactions = 5;
        p.comments = 2;
        p.shares = 1;
        assertThat(facebook().metrics(page(), published.externalId())).isEqualTo(new PostMetrics(120L, 90L, 8L, 7L));

        PublishedPost reel = facebook().publish(page(), post("R", null, Map.of(PostOption.FORMAT, "reel"), null,
                video("r.mp4", bytes(100), 1080, 1920, 10_000L, "h264")));
        assertThat(facebook().metrics(page(), reel.externalId())).isEqualTo(new PostMetrics(7L, 7L, 3L, null));
    }

    @Test
    void preflightNamesEachProblemWithItsFixAndPublishRefusesWithoutCallingMeta() {
        Map<String, String> reel = Map.of(PostOption.FORMAT, "reel");
        assertThat(facebook().preflight(post("ok", video("v.mp4", bytes(10), 1080, 1920, 30_000L, "h264")))).isEmpty();
        assertThat(facebook().preflight(post(null))).singleElement().asString().contains("needs text or media");
        assertThat(facebook().preflight(post("x", media("a.bmp", "image/bmp", bytes(10))))).singleElement()
                .asString().contains("export it as JPEG");
        Media big = new Media(UUID.randomUUID(), "big.jpg", "image/jpeg", 5L * 1024 * 1024, () -> null);
        assertThat(facebook().preflight(post("x", big))).singleElement().asString().contains("up to 4 MB");
        assertThat(facebook().preflight(post("x", media("a.jpg", "image/jpeg", bytes(5)),
                video("v.mp4", bytes(5), 1920, 1080, 1000L, "h264")))).singleElement().asString()
                .contains("not both");
        assertThat(facebook().preflight(post("x", null, reel, null, media("a.jpg", "image/jpeg", bytes(5)))))
                .singleElement().asString().contains("exactly one video");
        assertThat(facebook().preflight(post("x", null, reel, null, video("v.mp4", bytes(5), 1920, 1080, 30_000L,
                "h264")))).singleElement().asString().contains("crop it to 9:16");
        assertThat(facebook().preflight(post("x", null, reel, null, video("v.mp4", bytes(5), 360, 640, 30_000L,
                "h264")))).singleElement().asString().contains("at least 540×960");
        assertThat(facebook().preflight(post("x", null, reel, null, video("v.mp4", bytes(5), 1080, 1920, 120_000L,
                "h264")))).singleElement().asString().contains("3 to 90 seconds");
        assertThat(facebook().preflight(post("x", null, reel, null, video("v.mp4", bytes(5), 1080, 1920, 30_000L,
                "prores")))).singleElement().asString().contains("H.264");
        Media unknown = new Media(UUID.randomUUID(), "u.mp4", "video/mp4", -1, () -> null);
        assertThat(facebook().preflight(post("x", null, reel, null, unknown))).isEmpty(); // unmeasured: Meta judges

        assertThatThrownBy(() -> facebook().publish(page(), post("x", null, reel, null, video("v.mp4", bytes(5), 1920,
                1080, 30_000L, "h264")))).isInstanceOfSatisfying(ChannelException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.REFUSED));
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void theComposerOffersAFeedPostOrAReelAndTheReelsLimitIsCountedOnThePage() {
        List<PostOption> options = facebook().postOptions(page());
        assertThat(options).singleElement().satisfies(o -> {
            assertThat(o.key()).isEqualTo(PostOption.FORMAT);
            assertThat(o.choices()).extracting(PostOption.Choice::value).containsExactly("feed", "reel");
            assertThat(o.defaultValue()).isEqualTo("feed");
        });
        for (int i = 0; i < 2; i++) {
            facebook().publish(page(), post("R" + i, null, Map.of(PostOption.FORMAT, "reel"), null,
                    video("r.mp4", bytes(100), 1080, 1920, 10_000L, "h264")));
        }
        PostingLimits limits = facebook().limits(page());
        assertThat(limits.postsPerDay()).isNull();
        assertThat(limits.usedToday()).isEqualTo(2);
        assertThat(limits.perDayByFormat()).isEqualTo(Map.of("reel", 30));
        assertThat(limits.accountBlockers()).isEmpty();
    }

}

package io.flightdeck.publishing.networks.instagram;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

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
import io.flightdeck.publishing.networks.instagram.FakeInstagram.Route;
import io.flightdeck.publishing.networks.instagram.FakeInstagram.Trouble;
import io.flightdeck.publishing.networks.NetworkTestClock;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Instagram adapter against a fake of Instagram's documented API with Instagram Login. */
class InstagramChannelTests {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    @StartStop
    final MockWebServer server = new MockWebServer();
    final NetworkTestClock clock = new NetworkTestClock(NOW);
    final FakeInstagram fake = new FakeInstagram(clock);
    final List<Duration> pauses = new ArrayList<>();
    final List<String> checkpoints = new ArrayList<>();
    final Random random = new Random(7);

    @BeforeEach
    void setUp() {
        server.setDispatcher(fake);
        fake.slowFor = Duration.ofMillis(1500);
    }

    @AfterEach
    void theFakeSawOnlyDocumentedRequests() {
        assertThat(fake.violations).isEmpty();
    }

    InstagramProperties properties() {
        URI base = URI.create(server.url("/").toString());
        return new InstagramProperties(FakeInstagram.APP_ID, FakeInstagram.APP_SECRET, FakeInstagram.VERSION, base,
                base, URI.create("https://www.instagram.com"), base, Duration.ofSeconds(1), Duration.ofSeconds(5),
                Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofMinutes(2));
    }

    InstagramChannel instagram() {
        return new InstagramChannel(properties(), clock, pauses::add);
    }

    static ChannelConnection account(String token) {
        return new ChannelConnection(UUID.randomUUID(), UUID.randomUUID(), "instagram", Channel.INSTAGRAM,
                FakeInstagram.NAME, "@" + FakeInstagram.USERNAME, FakeInstagram.IG_USER, token,
                ZoneId.of("Europe/Berlin"), Map.of());
    }

    static ChannelConnection account() {
        return account(FakeInstagram.TOKEN);
    }

    OutgoingPost post(String text, String comment, String format, Media... media) {
        return post(text, comment, format, null, media);
    }

    OutgoingPost post(String text, String comment, String format, String ref, Media... media) {
        UUID id = UUID.randomUUID();
        return new OutgoingPost(id, id + ":1", text, comment, List.of(media), NOW,
                format == null ? Map.of() : Map.of(PostOption.FORMAT, format), ref, checkpoints::add);
    }

    /** A JPEG (by its first bytes) that Instagram can fetch at a public address on the fake. */
    Media jpeg(String name, int width, int height) {
        byte[] bytes = bytes(20_000);
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xD8;
        bytes[2] = (byte) 0xFF;
        fake.host("/assets/" + name, bytes);
        return new Media(UUID.randomUUID(), name, "image/jpeg", bytes.length, () -> new ByteArrayInputStream(bytes),
                width, height, null, null, null, server.url("/assets/" + name).toString());
    }

    Media video(String name, byte[] bytes, long millis, String codec) {
        return new Media(UUID.randomUUID(), name, "video/mp4", bytes.length, () -> new ByteArrayInputStream(bytes),
                1080, 1920, millis, codec, true, null);
    }

    Media fact(String name, String type, long size, Integer width, Integer height, Long millis, String codec,
            String url) {
        return new Media(UUID.randomUUID(), name, type, size, () -> new ByteArrayInputStream(new byte[0]), width,
                height, millis, codec, null, url);
    }

    byte[] bytes(int size) {
        byte[] b = new byte[size];
        random.nextBytes(b);
        return b;
    }

    ChannelException thrown(Runnable call) {
        try {
            call.run();
        } catch (ChannelException e) {
            return e;
        }
        throw new AssertionError("no ChannelException");
    }

    // --- connecting ---

    @Test
    void theOAuthClientIsInstagramsBusinessLoginWithCommaSeparatedScopesAndNoPkce() {
        OAuthClient client = instagram().oauth();

        assertThat(client.authorizeUri()).hasToString("https://www.instagram.com/oauth/authorize");
        assertThat(client.tokenUri()).hasToString(server.url("/oauth/access_token").toString());
        assertThat(client.scopes()).containsExactly("instagram_business_basic", "instagram_business_content_publish",
                "instagram_business_manage_comments", "instagram_business_manage_insights");
        assertThat(client.scopeSeparator()).isEqualTo(",");
        assertThat(client.pkce()).isFalse();
        assertThat(client.basicAuth()).isFalse();
        assertThat(client.clientSecret()).isEqualTo(FakeInstagram.APP_SECRET);
        assertThat(properties().toString()).doesNotContain(FakeInstagram.APP_SECRET);
    }

    @Test
    void accountsAreTheProfessionalAccountTheTokenSpeaksFor() {
        assertThat(instagram().accounts(FakeInstagram.TOKEN)).containsExactly(new NetworkAccount(FakeInstagram.IG_USER,
                FakeInstagram.NAME, "@" + FakeInstagram.USERNAME, "business", Channel.INSTAGRAM));

        fake.accountType = "MEDIA_CREATOR";
        assertThat(instagram().accounts(FakeInstagram.TOKEN).get(0).kind()).isEqualTo("creator");

        fake.accountType = "PERSONAL";
        ChannelException personal = thrown(() -> instagram().accounts(FakeInstagram.TOKEN));
        assertThat(personal.kind()).isEqualTo(Kind.REFUSED);
        assertThat(personal.getMessage()).contains("professional account");
    }

    @Test
    void keepTradesTheHourLongTokenForOneOfSixtyDays() {
        fake.tokens.put(FakeInstagram.SHORT_TOKEN, new FakeInstagram.Token(FakeInstagram.SHORT_TOKEN, NOW,
                NOW.plus(Duration.ofHours(1))));

        KeptToken kept = instagram().keep(new KeptToken(FakeInstagram.SHORT_TOKEN, null));

        assertThat(kept.accessToken()).isEqualTo(FakeInstagram.TOKEN);
        assertThat(kept.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(60)));
        assertThat(instagram().renewsKeptTokens()).isTrue();
    }

    @Test
    void renewGivesAnotherSixtyDaysAndAYoungTokenIsAskedAgainLaterWhileALapsedOneBreaksTheAccount() {
        KeptToken renewed = instagram().renew(FakeInstagram.TOKEN);
        assertThat(renewed.accessToken()).startsWith(FakeInstagram.TOKEN + "-renewed-");
        assertThat(renewed.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(60)));
        assertThat(fake.tokens).doesNotContainKey(FakeInstagram.TOKEN);

        ChannelException young = thrown(() -> instagram().renew(renewed.accessToken()));
        assertThat(young.kind()).isEqualTo(Kind.RETRYABLE);

        clock.advance(Duration.ofDays(61));
        ChannelException lapsed = thrown(() -> instagram().renew(renewed.accessToken()));
        assertThat(lapsed.kind()).isEqualTo(Kind.UNAUTHORIZED);
    }

    // --- publishing ---

    @Test
    void anImageIsAContainerOfItsPublicAddressCheckpointedThenPublishedOnceWithItsFirstComment() {
        Media latte = jpeg("latte.jpg", 1080, 1350);
        PublishedPost published = instagram().publish(account(), post("Spring roasts are in.", "#coffee #latte",
                null, latte));

        assertThat(fake.media).hasSize(1);
        FakeInstagram.Media media = fake.media.get(0);
        assertThat(media.caption()).isEqualTo("Spring roasts are in.");
        FakeInstagram.Container container = fake.container(media.container());
        assertThat(container.imageUrl).isEqualTo(latte.publicUrl());
        assertThat(checkpoints).containsExactly(container.id);
        assertThat(published).isEqualTo(new PublishedPost(media.id(), media.permalink(),
                fake.comments.get(0).id()));
        assertThat(fake.comments.get(0).message()).isEqualTo("#coffee #latte");
        assertThat(fake.calls(Route.PUBLISH)).isEqualTo(1);
    }

    @Test
    void twoToTenMediaAreACarouselOfItemContainers() {
        PublishedPost published = instagram().publish(account(), post("Three roasts", null, "feed",
                jpeg("a.jpg", 1080, 1080), jpeg("b.jpg", 1080, 1080), jpeg("c.jpg", 1080, 1080)));

        FakeInstagram.Container carousel = fake.container(fake.media.get(0).container());
        assertThat(carousel.mediaType).isEqualTo("CAROUSEL_ALBUM");
        assertThat(carousel.children).hasSize(3).allSatisfy(child -> assertThat(fake.container(child).carouselItem)
                .isTrue());
        assertThat(carousel.caption).isEqualTo("Three roasts");
        assertThat(checkpoints).containsExactly(carousel.id);
        assertThat(published.externalId()).isEqualTo(fake.media.get(0).id());
    }

    @Test
    void aReelStreamsItsVideoByResumableUploadAndWaitsUntilInstagramHasFinishedIt() {
        byte[] clip = bytes(700_000);
        fake.pollsBeforeFinished = 3;

        instagram().publish(account(), post("Behind the bar", null, "reel", video("bar.mp4", clip, 20_000, "h264")));

        FakeInstagram.Container reel = fake.container(fake.media.get(0).container());
        assertThat(reel.mediaType).isEqualTo("REELS");
        assertThat(reel.bytes).isEqualTo(clip);
        assertThat(pauses).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5));
        assertThat(fake.calls(Route.STATUS)).isEqualTo(4);
    }

    @Test
    void aVideoWithAPublicAddressIsFetchedByInstagramAndNotSent() {
        byte[] clip = bytes(40_000);
        fake.host("/assets/public.mp4", clip);
        Media video = new Media(UUID.randomUUID(), "public.mp4", "video/mp4", clip.length,
                () -> new ByteArrayInputStream(clip), 1080, 1920, 12_000L, "h264", true,
                server.url("/assets/public.mp4").toString());

        instagram().publish(account(), post("Fetched", null, "reel", video));

        assertThat(fake.container(fake.media.get(0).container()).bytes).isEqualTo(clip);
        assertThat(fake.calls(Route.UPLOAD)).isZero();
    }

    @Test
    void aSingleFeedVideoIsAReelAndAVideoOfUnknownSizeIsCountedFirst() {
        byte[] clip = bytes(50_000);
        Media unknownSize = new Media(UUID.randomUUID(), "clip.mp4", "video/mp4", -1,
                () -> new ByteArrayInputStream(clip));

        instagram().publish(account(), post("Pour-over", null, null, unknownSize));

        assertThat(fake.container(fake.media.get(0).container()).mediaType).isEqualTo("REELS");
        assertThat(fake.container(fake.media.get(0).container()).bytes).isEqualTo(clip);
    }

    @Test
    void storiesAreAnImageOrAVideoWithoutCaptionAndWithoutComment() {
        instagram().publish(account(), post("", "a comment", "story", jpeg("story.jpg", 1080, 1920)));
        instagram().publish(account(), post(null, null, "story", video("story.mp4", bytes(30_000), 10_000, "hvc1")));

        assertThat(fake.media).extracting(FakeInstagram.Media::mediaType).containsExactly("STORIES", "STORIES");
        assertThat(fake.container(fake.media.get(1).container()).bytes).hasSize(30_000);
        assertThat(fake.comments).isEmpty();
    }

    @Test
    void aContainerInstagramCannotUseIsRefusedInItsWordsAndNothingIsPublished() {
        fake.processingOutcome = "ERROR";

        ChannelException e = thrown(() -> instagram().publish(account(), post("Bad clip", null, "reel",
                video("bad.mp4", bytes(10_000), 10_000, "h264"))));

        assertThat(e.kind()).isEqualTo(Kind.REFUSED);
        assertThat(e.getMessage()).contains("ERROR").contains("unsupported video format");
        assertThat(checkpoints).isEmpty();
        assertThat(fake.calls(Route.PUBLISH)).isZero();
    }

    @Test
    void aContainerStillInProgressAfterTheWaitIsRetriedLaterWithNothingPublished() {
        fake.pollsBeforeFinished = 100;

        ChannelException e = thrown(() -> instagram().publish(account(), post("Slow", null, null,
                jpeg("slow.jpg", 1080, 1080))));

        assertThat(e.kind()).isEqualTo(Kind.RETRYABLE);
        assertThat(pauses).hasSize(6); // 30 s in pauses of 5 s
        assertThat(fake.calls(Route.PUBLISH)).isZero();
        assertThat(fake.media).isEmpty();
    }

    @Test
    void everyFailureBeforePublishingIsRetryableAndLeavesNothingOnInstagram() {
        fake.troubles.put(Route.CREATE, Trouble.UNAVAILABLE);
        assertThat(thrown(() -> instagram().publish(account(), post("a", null, null, jpeg("a.jpg", 1080, 1080))))
                .kind()).isEqualTo(Kind.RETRYABLE);

        fake.troubles.put(Route.CREATE, Trouble.RATE_LIMITED);
        ChannelException limited = thrown(() -> instagram().publish(account(), post("a", null, null,
                jpeg("a.jpg", 1080, 1080))));
        assertThat(limited.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(limited.retryAfter()).isEqualTo(Duration.ofMinutes(7));

        fake.troubles.put(Route.CREATE, Trouble.SLOW);
        assertThat(thrown(() -> instagram().publish(account(), post("a", null, null, jpeg("a.jpg", 1080, 1080))))
                .kind()).isEqualTo(Kind.RETRYABLE);
        fake.troubles.clear();

        fake.troubles.put(Route.UPLOAD, Trouble.UNAVAILABLE);
        assertThat(thrown(() -> instagram().publish(account(), post("r", null, "reel",
                video("r.mp4", bytes(5_000), 5_000, "h264")))).kind()).isEqualTo(Kind.RETRYABLE);
        fake.troubles.clear();

        fake.troubles.put(Route.STATUS, Trouble.UNAVAILABLE);
        assertThat(thrown(() -> instagram().publish(account(), post("a", null, null, jpeg("a.jpg", 1080, 1080))))
                .kind()).isEqualTo(Kind.RETRYABLE);

        assertThat(fake.calls(Route.PUBLISH)).isZero();
        assertThat(fake.media).isEmpty();
        assertThat(checkpoints).isEmpty();
    }

    @Test
    void aPublishWithoutAnAnswerIsInDoubtAndItsContainerFindsThePost() {
        fake.troubles.put(Route.PUBLISH, Trouble.SLOW);
        OutgoingPost first = post("Roasted this morning", null, null, jpeg("m.jpg", 1080, 1080));

        ChannelException e = thrown(() -> instagram().publish(account(), first));

        assertThat(e.kind()).isEqualTo(Kind.UNKNOWN_OUTCOME);
        assertThat(fake.calls(Route.PUBLISH)).isEqualTo(1);
        assertThat(checkpoints).hasSize(1);
        fake.troubles.clear();
        fake.seed("Roasted this morning", NOW.minus(Duration.ofDays(3)), "IMAGE"); // the same text, days before

        Lookup found = instagram().lookup(account(), post("Roasted this morning", null, null, checkpoints.get(0),
                first.media().get(0)), NOW);

        FakeInstagram.Media media = fake.media.get(0);
        assertThat(found).isEqualTo(Lookup.found(new PublishedPost(media.id(), media.permalink(), null)));
        assertThat(fake.calls(Route.PUBLISH)).isEqualTo(1);
    }

    @Test
    void aContainerNeverPublishedIsNotFoundOnceItsPublishCannotBeOnItsWayAnymore() {
        fake.troubles.put(Route.PUBLISH, Trouble.UNAVAILABLE);
        ChannelException outage = thrown(() -> instagram().publish(account(), post("Not yet", null, null,
                jpeg("n.jpg", 1080, 1080))));
        assertThat(outage.kind()).isEqualTo(Kind.UNKNOWN_OUTCOME); // Instagram may fail after publishing
        String ref = checkpoints.get(0);
        OutgoingPost again = post("Not yet", null, null, ref, jpeg("n.jpg", 1080, 1080));

        ChannelException early = thrown(() -> instagram().lookup(account(), again, NOW));
        assertThat(early.kind()).isEqualTo(Kind.RETRYABLE);
        assertThat(early.retryAfter()).isPositive();

        clock.advance(instagram().timeout().plus(Duration.ofMinutes(3)));
        assertThat(instagram().lookup(account(), again, NOW)).isEqualTo(Lookup.notFound());
        assertThat(instagram().lookup(account(), post("Not yet", null, null, jpeg("n.jpg", 1080, 1080)), NOW))
                .isEqualTo(Lookup.notFound());
        assertThat(fake.media).isEmpty();
    }

    @Test
    void anInterruptedStoryIsTheOneStoryOfItsWindowAndAFailedContainerIsNotFound() {
        fake.troubles.put(Route.PUBLISH, Trouble.SLOW);
        Media image = jpeg("s.jpg", 1080, 1920);
        thrown(() -> instagram().publish(account(), post(null, null, "story", image)));
        fake.troubles.clear();

        Lookup found = instagram().lookup(account(), post(null, null, "story", checkpoints.get(0), image), NOW);

        assertThat(found.found()).isEqualTo(Lookup.Found.FOUND);
        assertThat(found.post().externalId()).isEqualTo(fake.media.get(0).id());
        assertThat(fake.calls(Route.STORIES)).isEqualTo(1);

        fake.processingOutcome = "ERROR";
        String failed = api().prepare(api().graph("/" + FakeInstagram.IG_USER + "/media", null, Map.of()), Map.of(
                "image_url", image.publicUrl(), "access_token", FakeInstagram.TOKEN),
                InstagramContainers.Created.class).id();
        assertThat(instagram().lookup(account(), post("x", null, null, failed, image), NOW))
                .isEqualTo(Lookup.notFound());
    }

    InstagramApi api() {
        return new InstagramApi(properties(), clock);
    }

    @Test
    void thePublishHoldPublishesAndThenKeepsTheAnswerUntilReleased() {
        CountDownLatch release = new CountDownLatch(1);
        fake.hold = release;
        try {
            ChannelException e = thrown(() -> instagram().publish(account(), post("Held", null, null,
                    jpeg("h.jpg", 1080, 1080))));
            assertThat(e.kind()).isEqualTo(Kind.UNKNOWN_OUTCOME);
            assertThat(fake.media).hasSize(1);
            assertThat(fake.container(checkpoints.get(0)).status).isEqualTo("PUBLISHED");
        } finally {
            release.countDown();
        }
    }

    @Test
    void theFakeRefusesWhatInstagramRefuses() {
        InstagramApi api = new InstagramApi(properties(), clock);
        fake.pollsBeforeFinished = 2;
        String container = api.prepare(api.graph("/" + FakeInstagram.IG_USER + "/media", null, Map.of()), Map.of(
                "image_url", jpeg("p.jpg", 1080, 1080).publicUrl(), "access_token", FakeInstagram.TOKEN),
                InstagramContainers.Created.class).id();
        Map<String, String> publish = Map.of("creation_id", container, "access_token", FakeInstagram.TOKEN);
        URI mediaPublish = api.graph("/" + FakeInstagram.IG_USER + "/media_publish", null, Map.of());

        ChannelException notReady = thrown(() -> api.publish(mediaPublish, publish, Map.class));
        assertThat(notReady.kind()).isEqualTo(Kind.RETRYABLE);
        assertThat(notReady.code()).isEqualTo("container-not-ready");

        fake.container(container).pollsLeft = 0;
        api.publish(mediaPublish, publish, Map.class);
        ChannelException twice = thrown(() -> api.publish(mediaPublish, publish, Map.class));
        assertThat(twice.kind()).isEqualTo(Kind.REFUSED);
        assertThat(fake.media).hasSize(1);

        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
        fake.host("/assets/mislabelled.jpg", png);
        ChannelException notJpeg = thrown(() -> instagram().publish(account(), post("PNG", null, null,
                fact("mislabelled.jpg", "image/jpeg", png.length, 1080, 1080, null, null,
                        server.url("/assets/mislabelled.jpg").toString()))));
        assertThat(notJpeg.kind()).isEqualTo(Kind.REFUSED);
        assertThat(notJpeg.getMessage()).contains("Only JPEG");
    }

    @Test
    void theDaysPublishingLimitIsRespectedAndReadFromInstagram() {
        fake.quotaTotal = 2;
        instagram().publish(account(), post("One", null, null, jpeg("1.jpg", 1080, 1080)));

        assertThat(instagram().limits(account())).isEqualTo(new PostingLimits(2, 1, Map.of(), List.of()));

        instagram().publish(account(), post("Two", null, null, jpeg("2.jpg", 1080, 1080)));
        ChannelException third = thrown(() -> instagram().publish(account(), post("Three", null, null,
                jpeg("3.jpg", 1080, 1080))));

        assertThat(third.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(third.code()).isEqualTo("publishing-limit");
        assertThat(fake.media).hasSize(2);
        clock.advance(Duration.ofHours(25));
        assertThat(instagram().limits(account()).usedToday()).isZero();
    }

    @Test
    void anExpiredOrUnknownTokenBreaksTheAccount() {
        ChannelException unknown = thrown(() -> instagram().publish(account("IGAArevoked"), post("x", null, null,
                jpeg("x.jpg", 1080, 1080))));
        assertThat(unknown.kind()).isEqualTo(Kind.UNAUTHORIZED);

        clock.advance(Duration.ofDays(51));
        ChannelException expired = thrown(() -> instagram().metrics(account(), "123"));
        assertThat(expired.kind()).isEqualTo(Kind.UNAUTHORIZED);
        assertThat(expired.getMessage()).contains("connect the account again");
    }

    @Test
    void metricsAreViewsReachAndInteractions() {
        PublishedPost published = instagram().publish(account(), post("Numbers", null, null,
                jpeg("n.jpg", 1080, 1080)));
        fake.numbers.put(published.externalId(), new FakeInstagram.Numbers(1200, 900, 87));

        assertThat(instagram().metrics(account(), published.externalId())).isEqualTo(new PostMetrics(1200L, 900L,
                87L, null));
    }

    @Test
    void postOptionsOfferFeedReelAndStory() {
        List<PostOption> options = instagram().postOptions(account());

        assertThat(options).hasSize(1);
        assertThat(options.get(0).key()).isEqualTo(PostOption.FORMAT);
        assertThat(options.get(0).defaultValue()).isEqualTo("feed");
        assertThat(options.get(0).choices()).extracting(PostOption.Choice::value).containsExactly("feed", "reel",
                "story");
    }

    @Test
    void preflightSaysWhatInstagramWouldRefuseWithTheFixAndPublishRefusesItWithoutAsking() {
        InstagramChannel ig = instagram();
        String url = "https://flightdeck.example/a.jpg";
        assertThat(ig.preflight(post("ok", null, null, fact("a.jpg", "image/jpeg", 1000, 1080, 1350, null, null,
                url)))).isEmpty();
        assertThat(ig.preflight(post("png", null, null, fact("a.png", "image/png", 1000, 1080, 1080, null, null,
                url)))).singleElement().asString().contains("only JPEG").contains("export it as JPEG");
        assertThat(ig.preflight(post("big", null, null, fact("a.jpg", "image/jpeg", 9L << 20, 1080, 1080, null,
                null, url)))).singleElement().asString().contains("8 MB");
        assertThat(ig.preflight(post("wide", null, null, fact("a.jpg", "image/jpeg", 1000, 3000, 1000, null, null,
                url)))).singleElement().asString().contains("crop it");
        assertThat(ig.preflight(post("private", null, null, fact("a.jpg", "image/jpeg", 1000, 1080, 1080, null,
                null, null)))).singleElement().asString().contains("flightdeck.base-url");
        assertThat(ig.preflight(post("vp9", null, "reel", fact("v.mp4", "video/mp4", 1000, 1080, 1920, 10_000L,
                "vp9", null)))).singleElement().asString().contains("H.264");
        assertThat(ig.preflight(post("short", null, "reel", fact("v.mp4", "video/mp4", 1000, 1080, 1920, 2_000L,
                "h264", null)))).singleElement().asString().contains("at least 3 s");
        assertThat(ig.preflight(post("long", null, "reel", fact("v.mp4", "video/mp4", 1000, 1080, 1920, 16 * 60_000L,
                "h264", null)))).singleElement().asString().contains("at most 15 min").contains("trim");
        assertThat(ig.preflight(post("huge", null, "reel", fact("v.mp4", "video/mp4", 400L << 20, 1080, 1920,
                10_000L, "h264", null)))).singleElement().asString().contains("300 MB");
        assertThat(ig.preflight(post("4k", null, "reel", fact("v.mp4", "video/mp4", 1000, 3840, 2160, 10_000L,
                "h264", null)))).singleElement().asString().contains("1920 pixels");
        assertThat(ig.preflight(post("avi", null, "reel", fact("v.avi", "video/x-msvideo", 1000, 1080, 1920,
                10_000L, "h264", null)))).singleElement().asString().contains("MP4 or MOV");
        assertThat(ig.preflight(post("two", null, "reel", fact("a.jpg", "image/jpeg", 1000, 1080, 1350, null, null,
                url)))).singleElement().asString().contains("exactly one video");
        assertThat(ig.preflight(post("long story", null, "story", fact("v.mp4", "video/mp4", 1000, 1080, 1920,
                90_000L, "h264", null)))).anySatisfy(p -> assertThat(p).contains("at most 60 s"));
        assertThat(ig.preflight(post("", null, "story", fact("v.mp4", "video/mp4", 1000, 1080, 1920, 90_000L,
                "h264", null)))).singleElement().asString().contains("at most 60 s");
        assertThat(ig.preflight(post("A caption", null, "story", fact("a.jpg", "image/jpeg", 1000, 1080, 1920, null,
                null, url)))).singleElement().asString().contains("no caption");
        Media[] eleven = new Media[11];
        for (int i = 0; i < 11; i++) {
            eleven[i] = fact(i + ".jpg", "image/jpeg", 1000, 1080, 1080, null, null, url);
        }
        assertThat(ig.preflight(post("many", null, null, eleven))).singleElement().asString().contains("remove 1");
        assertThat(ig.preflight(post("x".repeat(2201), null, null, fact("a.jpg", "image/jpeg", 1000, 1080, 1080,
                null, null, url)))).singleElement().asString().contains("shorten it by 1");
        assertThat(ig.preflight(post("#a ".repeat(31), null, null, fact("a.jpg", "image/jpeg", 1000, 1080, 1080,
                null, null, url)))).singleElement().asString().contains("30 hashtags");
        assertThat(ig.preflight(post("none", null, null))).singleElement().asString().contains("add one");
        assertThat(ig.preflight(post("odd", null, "igtv", fact("a.jpg", "image/jpeg", 1000, 1080, 1080, null, null,
                url)))).singleElement().asString().contains("feed, reel or story");
        assertThat(ig.preflight(post("unmeasured", null, "reel", fact("v.mp4", "video/mp4", -1, null, null, null,
                null, null)))).isEmpty();

        ChannelException refused = thrown(() -> ig.publish(account(), post("png", null, null, fact("a.png",
                "image/png", 1000, 1080, 1080, null, null, url))));
        assertThat(refused.kind()).isEqualTo(Kind.REFUSED);
        assertThat(refused.code()).isEqualTo("preflight");
        assertThat(fake.calls).isEmpty();
    }

    /** A clock that stands still until a test moves it, shared by the adapter and the fake. */
}

package io.flightdeck.publishing.networks.x;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.flightdeck.publishing.channels.ChannelAdapter.Lookup;
import io.flightdeck.publishing.channels.ChannelException.Kind;
import io.flightdeck.publishing.channels.OutgoingPost;
import io.flightdeck.publishing.channels.OutgoingPost.Media;
import io.flightdeck.publishing.channels.PublishedPost;
import io.flightdeck.publishing.networks.x.FakeX.Trouble;
import io.flightdeck.publishing.networks.NetworkTestClock;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.flightdeck.publishing.networks.x.XChannelTests.account;
import static io.flightdeck.publishing.networks.x.XChannelTests.assertRefusal;
import static io.flightdeck.publishing.networks.x.XChannelTests.post;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The look-up of an interrupted attempt on X reads only the window in which the attempt could have created the post,
 * however busy the account was after it, and answers "in doubt" only when X cannot tell.
 */
class XTimelineLookupTests {

    static final Instant ATTEMPT = Instant.parse("2026-11-23T10:00:00.400Z");
    static final String OURS = "Spring roast is back: order by Friday https://acme.example/spring";

    @StartStop
    final MockWebServer server = new MockWebServer();
    final NetworkTestClock clock = new NetworkTestClock(ATTEMPT);
    final FakeX fake = new FakeX(clock);

    @BeforeEach
    void setUp() {
        server.setDispatcher(fake);
    }

    @AfterEach
    void theFakeSawOnlyDocumentedRequests() {
        assertThat(fake.violations).isEmpty();
    }

    /** The shipped settings: 30 s per call, a minute of margin, ten minutes for media. */
    XChannel x(XMediaUpload.Pause pause) {
        return new XChannel(new XProperties("fd-client", null, URI.create(server.url("/").toString()),
                URI.create("https://x.com/i/oauth2/authorize"), Duration.ofSeconds(30), Duration.ofMinutes(2),
                Duration.ofMinutes(1), Duration.ofMinutes(10)), clock, pause);
    }

    XChannel x() {
        return x(d -> { });
    }

    /** {@code count} posts by others on the account, evenly from {@code from} to {@code to}. */
    void burst(int count, Instant from, Instant to, String label) {
        long step = Duration.between(from, to).toMillis() / count;
        for (int i = 0; i < count; i++) {
            fake.seed(label + " " + i, from.plusMillis(i * step), null);
        }
    }

    List<RecordedRequest> requests() throws InterruptedException {
        List<RecordedRequest> taken = new ArrayList<>();
        for (int i = server.getRequestCount(); i > 0; i--) {
            taken.add(server.takeRequest());
        }
        return taken;
    }

    @Test
    void aBurstOfPostsAfterTheAttemptNoLongerHidesIt() throws Exception {
        // issue 26: the attempt's post, among 150 others around it, then more than 300 posted after its window; the
        // look-up used to read the newest three pages from the attempt's start and never reach it
        burst(150, ATTEMPT.minusSeconds(20), ATTEMPT.plusSeconds(100), "Around the attempt");
        FakeX.Tweet ours = fake.seed(OURS, ATTEMPT.plusMillis(1_300), null);
        burst(420, ATTEMPT.plus(Duration.ofMinutes(3)), ATTEMPT.plus(Duration.ofMinutes(25)), "After the window");
        clock.advance(Duration.ofMinutes(30));

        Lookup lookup = x().lookup(account(), post(OURS, null), ATTEMPT);

        assertThat(lookup).isEqualTo(Lookup.found(new PublishedPost(ours.id, "https://x.com/acmecoffee/status/" + ours.id,
                null)));
        assertThat(fake.tweets).filteredOn(t -> OURS.equals(t.text)).as("on X exactly once").hasSize(1);
        List<RecordedRequest> asked = requests();
        assertThat(asked).as("the window's 151 posts, in two pages").hasSize(2);
        assertThat(asked.get(0).getUrl().queryParameter("start_time")).isEqualTo("2026-11-23T09:59:00Z");
        assertThat(asked.get(0).getUrl().queryParameter("end_time")).isEqualTo("2026-11-23T10:02:01Z");
        assertThat(asked.get(1).getUrl().queryParameter("pagination_token")).isNotBlank();
        assertThat(asked.get(1).getUrl().queryParameter("end_time")).as("the same window on every page")
                .isEqualTo("2026-11-23T10:02:01Z");
    }

    @Test
    void aPostTrulyAbsentFromItsWindowMayBeSentAgain() {
        fake.seed(OURS, ATTEMPT.minus(Duration.ofDays(1)), null); // last week's campaign said the same
        burst(150, ATTEMPT.minusSeconds(20), ATTEMPT.plusSeconds(100), "Around the attempt");
        burst(420, ATTEMPT.plus(Duration.ofMinutes(3)), ATTEMPT.plus(Duration.ofMinutes(25)), "After the window");
        clock.advance(Duration.ofMinutes(30));

        assertThat(x().lookup(account(), post(OURS, null), ATTEMPT)).isEqualTo(Lookup.notFound());
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void anErrorFromXIsNeverTakenForNotThere() {
        burst(150, ATTEMPT.minusSeconds(20), ATTEMPT.plusSeconds(100), "Around the attempt");
        clock.advance(Duration.ofMinutes(30));
        // the first page is read, the second fails: what X did not show cannot be called absent
        fake.failReadsAfter(1, Trouble.INVALID);
        assertRefusal(() -> x().lookup(account(), post(OURS, null), ATTEMPT), Kind.REFUSED, "refused", "");
        // (the runner takes a lookup that cannot be asked again as in doubt, for a person)
        fake.failReadsAfter(1, Trouble.UNAVAILABLE);
        assertThat(assertRefusal(() -> x().lookup(account(), post(OURS, null), ATTEMPT), Kind.RETRYABLE,
                "network-error", "").retryable()).as("an outage is asked again later").isTrue();
    }

    @Test
    void aWindowHoldingMorePostsThanThePagesReadIsInDoubt() {
        burst(XTimelineLookup.PAGES * 100 + 50, ATTEMPT.minusSeconds(50), ATTEMPT.plusSeconds(110), "Flood");
        clock.advance(Duration.ofMinutes(30));
        assertThat(x().lookup(account(), post(OURS, null), ATTEMPT)).isEqualTo(Lookup.unknown());
        assertThat(server.getRequestCount()).isEqualTo(XTimelineLookup.PAGES);
    }

    @Test
    void aWindowOlderThanADayIsTrustedEmptyOnlyWhileXStillReachesBehindIt() {
        fake.seed("The week before", ATTEMPT.minus(Duration.ofDays(7)), null);
        burst(50, ATTEMPT.minusSeconds(20), ATTEMPT.plusSeconds(100), "Around the attempt");
        clock.advance(Duration.ofDays(2));
        assertThat(x().lookup(account(), post(OURS, null), ATTEMPT)).isEqualTo(Lookup.notFound());

        // more posts since than X keeps within reach: the window's start may have slipped out of it
        burst(FakeX.REACH, ATTEMPT.plus(Duration.ofHours(1)), ATTEMPT.plus(Duration.ofHours(40)), "Since");
        assertThat(x().lookup(account(), post(OURS, null), ATTEMPT)).isEqualTo(Lookup.unknown());
    }

    @Test
    void aPostWithMediaIsLookedForUntilItsUploadsCouldHaveEnded() {
        // created nine minutes into the attempt, after a long upload; the window reaches create-within + a call + margin
        FakeX.Tweet ours = fake.seed(OURS, ATTEMPT.plus(Duration.ofMinutes(9)), null);
        clock.advance(Duration.ofMinutes(5));
        OutgoingPost withVideo = post(OURS, null, video());
        assertRefusal(() -> x().lookup(account(), withVideo, ATTEMPT), Kind.RETRYABLE, "lookup-too-early", "");

        clock.advance(Duration.ofMinutes(10));
        assertThat(x().lookup(account(), withVideo, ATTEMPT).post().externalId()).isEqualTo(ours.id);
    }

    @Test
    void aPublishThatCouldNoLongerBeLookedUpCreatesNothing() {
        // processing that pushes the create call past create-within stops before the post exists
        fake.processingChecks = 3;
        OutgoingPost slow = new OutgoingPost(UUID.randomUUID(), "k:1", OURS, null, List.of(video()), ATTEMPT);
        assertRefusal(() -> x(d -> clock.advance(Duration.ofMinutes(4))).publish(account(), slow), Kind.RETRYABLE,
                "too-slow", "create-within");
        assertThat(fake.created).isEmpty();

        // a text post's create call is due within one call's limit of the attempt's start (a slow token renewal)
        OutgoingPost late = new OutgoingPost(UUID.randomUUID(), "k:2", OURS, null, List.of(),
                clock.instant().minusSeconds(31));
        assertRefusal(() -> x().publish(account(), late), Kind.RETRYABLE, "too-slow", "one call");
        assertThat(fake.created).isEmpty();

        OutgoingPost onTime = new OutgoingPost(UUID.randomUUID(), "k:3", OURS, null, List.of(),
                clock.instant().minusSeconds(29));
        assertThat(x().publish(account(), onTime).externalId()).isEqualTo(fake.created.get(0).id);
    }

    static Media video() {
        byte[] bytes = new byte[1000];
        return new Media(UUID.randomUUID(), "roast.mp4", "video/mp4", bytes.length, () -> new ByteArrayInputStream(bytes));
    }
}

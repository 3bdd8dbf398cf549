package io.flightdeck.publishing.posts;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import io.flightdeck.analytics.Metric;
import io.flightdeck.analytics.MetricFact;
import io.flightdeck.analytics.MetricFacts;
import io.flightdeck.analytics.SimulatedNumbers;
import io.flightdeck.approvals.ApprovalRequests;
import io.flightdeck.campaigns.Channel;
import io.flightdeck.publishing.channels.PostMetrics;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.MutableClock;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import io.flightdeck.support.WebSessions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A published post's numbers reach analytics: each look's growth of the network's totals is a fact in the look's hour
 * (the sandbox's numbers grow over two days), the facts add up to the latest totals, a second look in the same hour
 * replaces its hour's fact, a lowered total gives a negative hour, the campaign's dashboard shows the post's
 * numbers under its channel, and "why did it move?" names the post. The first look comes minutes after the post
 * goes out; until then the dashboard and the Posts tab say when, and then the Posts tab and the calendar show them.
 */
@FlightdeckTest
class PostFactsTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApiClient api;
    @Autowired
    PublishRunner runner;
    @Autowired
    ChannelPostRepository channelPosts;
    @Autowired
    SocialPostRepository posts;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    PostNumbersFetcher numbersFetcher;
    @Autowired
    PostFacts postFacts;
    @Autowired
    MetricFacts facts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;
    @Autowired
    WebSessions web;

    @AfterEach
    void resetClock() {
        ((MutableClock) clock).reset();
    }

    @Test
    void aPostsGrowthIsCountedInTheHourEachLookSawIt() {
        Member owner = workspaces.withoutApprovals("Post facts");
        String campaign = launched(owner);
        UUID id = published(owner, campaign);

        // the first look, three hours on: everything so far in its hour
        advance(Duration.ofHours(3));
        Instant firstHour = clock.instant().truncatedTo(ChronoUnit.HOURS);
        numbersFetcher.fetchDue();
        Map<Metric, Long> first = totals(owner, id);
        assertThat(first.get(Metric.IMPRESSIONS)).isPositive();
        assertThat(sums(owner, id)).isEqualTo(withoutZeros(first));
        assertThat(hourly(owner, id, Metric.IMPRESSIONS)).containsOnlyKeys(firstHour);

        // an hour later the sandbox's numbers have grown: the growth is the new hour's fact
        advance(Duration.ofHours(1));
        Instant secondHour = clock.instant().truncatedTo(ChronoUnit.HOURS);
        numbersFetcher.fetchDue();
        Map<Metric, Long> second = totals(owner, id);
        assertThat(second.get(Metric.IMPRESSIONS)).isGreaterThan(first.get(Metric.IMPRESSIONS));
        assertThat(sums(owner, id)).isEqualTo(withoutZeros(second));
        assertThat(hourly(owner, id, Metric.IMPRESSIONS)).containsExactly(
                Map.entry(firstHour, BigDecimal.valueOf(first.get(Metric.IMPRESSIONS))),
                Map.entry(secondHour, BigDecimal.valueOf(second.get(Metric.IMPRESSIONS) - first.get(Metric.IMPRESSIONS))));

        // a second look in the same hour replaces the hour's growth; a network that takes impressions out lowers it
        ChannelPost post = workspaces.as(owner, () -> transactions.execute(tx -> channelPosts.findById(id).orElseThrow()));
        long lowered = first.get(Metric.IMPRESSIONS) - 5;
        workspaces.as(owner, () -> transactions.execute(tx -> {
            postFacts.record(post, new PostMetrics(lowered, null, null, null), clock.instant(), true);
            return null;
        }));
        assertThat(hourly(owner, id, Metric.IMPRESSIONS)).containsEntry(secondHour, BigDecimal.valueOf(-5));
        assertThat(sums(owner, id).get(Metric.IMPRESSIONS)).isEqualTo(lowered);
        assertThat(sums(owner, id).getOrDefault(Metric.CLICKS, 0L)).isEqualTo(second.get(Metric.CLICKS));

        // the campaign's dashboard has the post's numbers under its channel
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select count(*) from analytics_changes"
                + " where tenant_id = ?").param(owner.workspaceId()).query(Long.class).single() == 0);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        MvcTestResult dashboard = api.as(owner).get("/api/v1/analytics/campaigns/" + campaign + "/dashboard?from="
                + today.minusDays(2) + "&to=" + today.plusDays(1));
        assertThat(dashboard).hasStatusOk();
        assertThat(Json.<List<String>>read(dashboard, "$.channels[*].channel")).containsExactly("LINKEDIN");
        // the sandbox made these numbers up, and the dashboard says so
        assertThat(Json.<List<String>>read(dashboard, "$.simulatedChannels")).containsExactly("LINKEDIN");
        assertThat(Json.<Number>read(dashboard, "$.totals.impressions.value").longValue()).isEqualTo(lowered);
        assertThat(Json.<Number>read(dashboard, "$.totals.clicks.value").longValue())
                .isEqualTo(second.get(Metric.CLICKS));
        // and "why did it move?" names the post and links to it
        MvcTestResult why = api.as(owner).get("/api/v1/analytics/campaigns/" + campaign + "/movement?metric=IMPRESSIONS"
                + "&from=" + today.minusDays(2) + "&to=" + today.plusDays(1));
        assertThat(why).hasStatusOk();
        assertThat(Json.<String>read(why, "$.objects[0].label")).isEqualTo("LinkedIn post: Spring is here");
        assertThat(Json.<String>read(why, "$.objects[0].path")).isEqualTo("/social/channel-posts/" + id + "/preview");
    }

    @Test
    void theFirstNumbersComeMinutesAfterAPostGoesOutAndShowBesideIt() {
        Member owner = workspaces.withoutApprovals("Post first numbers");
        String campaign = launched(owner);
        MockHttpSession session = web.signIn(owner);
        UUID id = published(owner, campaign);
        // the day it went out (five minutes on may be the next one)
        LocalDate day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);

        // before the first look, the empty dashboard and the Posts tab say when the numbers come
        MvcTestResult dashboard = api.as(owner).get("/api/v1/analytics/campaigns/" + campaign + "/dashboard");
        assertThat(Json.<String>read(dashboard, "$.arriving[0].what"))
                .isEqualTo("The first numbers of a published post");
        Instant due = Instant.parse(Json.read(dashboard, "$.arriving[0].at"));
        assertThat(Duration.between(clock.instant(), due)).isLessThanOrEqualTo(Duration.ofMinutes(5));
        assertThat(web.fragment(session, "/analytics/campaigns/" + campaign + "/panel"))
                .contains("The first numbers of a published post: due about");
        assertThat(web.fragment(session, "/campaigns/" + campaign + "/social/panel"))
                .contains("First numbers due about");

        // five minutes on, the next run of the job (every minute) has them
        advance(Duration.ofMinutes(5));
        numbersFetcher.fetchDue();
        String panel = web.fragment(session, "/campaigns/" + campaign + "/social/panel");
        assertThat(panel).contains(" impressions</span>", ">simulated</span>").doesNotContain("First numbers due");
        assertThat(web.page(session, "/social/calendar?view=day&date=" + day + "&campaignId=" + campaign))
                .contains("impr. ·", "(simulated)");
    }

    private String launched(Member owner) {
        ApprovalRequests requests = new ApprovalRequests(mvc);
        String campaign = requests.campaign(owner, "Spring launch");
        requests.makeReady(owner, campaign);
        assertThat(requests.launch(owner, campaign, null)).hasStatusOk();
        return campaign;
    }

    /** A post on a sandbox LinkedIn account, published now. */
    private UUID published(Member owner, String campaign) {
        MvcTestResult account = api.as(owner).post("/api/v1/channels/sandbox", """
                {"displayName":"Roastery (sandbox)","channel":"LINKEDIN","timeZone":"UTC",
                 "settings":{"mode":"NORMAL","lookup":"supported"}}""");
        assertThat(account).hasStatus(201);
        UUID id = workspaces.as(owner, () -> transactions.execute(tx -> {
            SocialPost post = posts.save(new SocialPost(UUID.fromString(campaign), null, null, "Hello", owner.userId(),
                    clock.instant()));
            return channelPosts.save(new ChannelPost(post.getId(), UUID.fromString(campaign),
                    UUID.fromString(Json.read(account, "$.id")), Channel.LINKEDIN, "Spring is here", null, List.of(),
                    clock.instant(), PlannedBy.PERSON, 3, clock.instant())).getId();
        }));
        workspaces.as(owner, () -> runner.step(id));
        return id;
    }

    private void advance(Duration by) {
        ((MutableClock) clock).advance(by);
    }

    /** The network's totals as the post's analytics shows them. */
    private Map<Metric, Long> totals(Member owner, UUID channelPostId) {
        UUID postId = workspaces.as(owner, () -> transactions.execute(tx ->
                channelPosts.findById(channelPostId).orElseThrow().getPostId()));
        MvcTestResult numbers = api.as(owner).get("/api/v1/social/posts/" + postId + "/analytics");
        Map<Metric, Long> totals = new TreeMap<>();
        totals.put(Metric.IMPRESSIONS, Json.<Number>read(numbers, "$[0].impressions").longValue());
        totals.put(Metric.REACH, Json.<Number>read(numbers, "$[0].reach").longValue());
        totals.put(Metric.ENGAGEMENT, Json.<Number>read(numbers, "$[0].engagements").longValue());
        totals.put(Metric.CLICKS, Json.<Number>read(numbers, "$[0].clicks").longValue());
        return totals;
    }

    /** A metric that has not moved yet has no fact: the sandbox's clicks can still be 0 at a look. */
    private static Map<Metric, Long> withoutZeros(Map<Metric, Long> totals) {
        Map<Metric, Long> moved = new TreeMap<>(totals);
        moved.values().removeIf(v -> v == 0);
        return moved;
    }

    private List<MetricFact> factsOf(Member owner, UUID channelPostId) {
        return workspaces.as(owner, () -> facts.of(SimulatedNumbers.SANDBOX, PostFacts.OBJECT_TYPE,
                channelPostId.toString()));
    }

    private Map<Metric, Long> sums(Member owner, UUID channelPostId) {
        Map<Metric, Long> sums = new TreeMap<>();
        factsOf(owner, channelPostId).forEach(f -> sums.merge(f.metric(), f.value().longValueExact(), Long::sum));
        return sums;
    }

    private Map<Instant, BigDecimal> hourly(Member owner, UUID channelPostId, Metric metric) {
        Map<Instant, BigDecimal> byHour = new TreeMap<>();
        factsOf(owner, channelPostId).stream().filter(f -> f.metric() == metric)
                .forEach(f -> byHour.put(f.periodStart(), f.value()));
        return byHour;
    }
}

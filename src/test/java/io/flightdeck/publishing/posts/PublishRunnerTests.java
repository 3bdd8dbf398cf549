package io.flightdeck.publishing.posts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.flightdeck.approvals.ApprovalRequests;
import io.flightdeck.campaigns.Channel;
import io.flightdeck.shared.security.Role;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.MutableClock;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The runner driven step by step (these posts have no execution, so no scheduler takes them) against the sandbox
 * network set to behave as networks do, with the test's clock: the gate's blockers, publishing once, retries with
 * their pauses and the dead-letter list, final errors, a revoked token, a time-out resolved by asking the network,
 * a network that cannot tell (in doubt), a crash mid-attempt, and a post found long after its time (missed).
 */
@FlightdeckTest
class PublishRunnerTests {

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
    JdbcClient jdbc;
    @Autowired
    PostNumbersFetcher numbersFetcher;
    @Autowired
    Clock clock;
    @Autowired
    io.flightdeck.support.WebSessions web;
    @Autowired
    PostIndexRepair indexRepair;

    private ApprovalRequests requests;
    private Member owner;
    private String campaign;
    private String account;

    @BeforeEach
    void setUp() {
        requests = new ApprovalRequests(mvc);
        owner = workspaces.withoutApprovals("Posts");
        campaign = requests.campaign(owner, "Spring launch");
        requests.makeReady(owner, campaign);
        assertThat(requests.launch(owner, campaign, null)).hasStatusOk();
        account = sandbox("NORMAL", "supported");
    }

    @AfterEach
    void resetClock() {
        ((MutableClock) clock).reset();
    }

    private String sandbox(String mode, String lookup) {
        var created = api.as(owner).post("/api/v1/channels/sandbox", """
                {"displayName":"Roastery (sandbox)","channel":"LINKEDIN","timeZone":"Europe/Berlin",
                 "settings":{"mode":"%s","lookup":"%s"}}""".formatted(mode, lookup));
        assertThat(created).hasStatus(201);
        return Json.read(created, "$.id");
    }

    private void setMode(String accountId, String mode) {
        assertThat(api.as(owner).patch("/api/v1/channels/" + accountId, "{\"settings\":{\"mode\":\"" + mode + "\"}}"))
                .hasStatusOk();
    }

    /** A due post on the account, written without an execution. */
    private UUID due(String accountId, int maxRetries) {
        return workspaces.as(owner, () -> transactions.execute(tx -> {
            SocialPost post = posts.save(new SocialPost(UUID.fromString(campaign), null, null, "Hello", owner.userId(),
                    clock.instant()));
            return channelPosts.save(new ChannelPost(post.getId(), UUID.fromString(campaign), UUID.fromString(accountId),
                    Channel.LINKEDIN, "Spring is here", "More at example.com", List.of(), clock.instant(),
                    PlannedBy.PERSON, maxRetries, clock.instant())).getId();
        }));
    }

    private Optional<Instant> step(UUID id) {
        return workspaces.as(owner, () -> runner.step(id));
    }

    private ChannelPost read(UUID id) {
        return workspaces.as(owner, () -> transactions.execute(tx -> channelPosts.findById(id).orElseThrow()));
    }

    private long sandboxPosts(String accountId) {
        return jdbc.sql("select count(*) from sandbox_posts where account_id = ?").param(UUID.fromString(accountId))
                .query(Long.class).single();
    }

    private void advance(Duration by) {
        ((MutableClock) clock).advance(by);
    }

    @Test
    void aDuePostIsPublishedOnceWithItsFirstComment() {
        UUID id = due(account, 3);
        assertThat(step(id)).isEmpty();
        ChannelPost p = read(id);
        assertThat(p.getStatus()).isEqualTo(ChannelPostStatus.PUBLISHED);
        assertThat(p.getExternalUrl()).startsWith("/channels/sandbox/posts/");
        assertThat(p.getCommentId()).isNotNull();
        assertThat(sandboxPosts(account)).isEqualTo(1);
        String firstComment = jdbc.sql("select first_comment from sandbox_posts where account_id = ?")
                .param(UUID.fromString(account)).query(String.class).single();
        assertThat(firstComment).isEqualTo("More at example.com");
        // a later step changes nothing
        assertThat(step(id)).isEmpty();
        assertThat(sandboxPosts(account)).isEqualTo(1);
    }

    @Test
    void theRunnersMovesReachTheSearchIndexAfterTheCommitAndARestartIndexesTheLastOnesAgain() {
        UUID id = due(account, 3);
        assertThat(step(id)).isEmpty();
        // the commit did not wait for the index; the change is searchable once the index takes it, within a second
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertThat(searched("PUBLISHED")).containsExactly(id.toString()));

        // a crash that lost the index's last change: the database says in doubt, the index still published
        jdbc.sql("update channel_posts set status = 'IN_DOUBT', updated_at = ? where id = ?")
                .param(java.sql.Timestamp.from(Instant.parse("2100-01-01T00:00:00Z"))).param(id).update();
        assertThat(searched("IN_DOUBT")).isEmpty();
        try {
            indexRepair.indexTheLastChangesAgain();
            assertThat(searched("IN_DOUBT")).containsExactly(id.toString());
            assertThat(searched("PUBLISHED")).isEmpty();
        } finally {
            jdbc.sql("update channel_posts set updated_at = ? where id = ?")
                    .param(java.sql.Timestamp.from(clock.instant())).param(id).update();
        }
    }

    private List<String> searched(String status) {
        MvcTestResult result = api.as(owner).get("/api/v1/search?q=spring&type=post&status=" + status);
        assertThat(result).hasStatusOk();
        return Json.read(result, "$.items[*].id");
    }

    @Test
    void aPublishedPostsNumbersAreFetchedAnHourLaterAndShownAsItsAnalytics() {
        UUID id = due(account, 3);
        step(id);
        UUID postId = read(id).getPostId();
        var before = api.as(owner).get("/api/v1/social/posts/" + postId + "/analytics");
        assertThat(before).hasStatusOk();
        assertThat(Json.<List<Object>>read(before, "$[*].impressions")).containsExactly((Object) null);

        advance(Duration.ofHours(3));
        numbersFetcher.fetchDue();
        var after = api.as(owner).get("/api/v1/social/posts/" + postId + "/analytics");
        assertThat(Json.<List<Number>>read(after, "$[*].impressions")).singleElement()
                .satisfies(n -> assertThat(n.longValue()).isPositive());
        assertThat(Json.<List<Number>>read(after, "$[*].engagementRate")).singleElement()
                .satisfies(r -> assertThat(r.doubleValue()).isBetween(0.0, 0.1));
        assertThat(api.as(workspaces.withoutApprovals("Other")).get("/api/v1/social/posts/" + postId + "/analytics"))
                .hasStatus(404);
    }

    @Test
    void aPostNotYetDueWaitsForItsTime() {
        UUID id = due(account, 3);
        workspaces.as(owner, () -> transactions.execute(tx -> {
            ChannelPost p = channelPosts.findById(id).orElseThrow();
            p.reschedule(clock.instant().plusSeconds(3600), PlannedBy.PERSON, clock.instant());
            return channelPosts.save(p);
        }));
        Optional<Instant> next = step(id);
        assertThat(next).contains(read(id).getScheduledAt());
        assertThat(sandboxPosts(account)).isZero();
    }

    @Test
    void aRetryableErrorRetriesAfterDoublingPausesThenGoesToTheDeadLetterList() {
        String failing = sandbox("FAIL", "supported");
        UUID id = due(failing, 2);
        Optional<Instant> first = step(id);
        ChannelPost p = read(id);
        assertThat(p.getStatus()).isEqualTo(ChannelPostStatus.SCHEDULED);
        assertThat(p.getRetries().made()).isEqualTo(1);
        assertThat(first).contains(p.getRetries().nextAt());
        assertThat(Duration.between(clock.instant(), p.getRetries().nextAt())).isBetween(Duration.ofSeconds(29),
                Duration.ofSeconds(30));
        // not yet: the pause holds
        assertThat(step(id)).contains(p.getRetries().nextAt());
        assertThat(read(id).getRetries().attempt()).isEqualTo(1);

        advance(Duration.ofSeconds(30));
        step(id);
        p = read(id);
        assertThat(p.getRetries().made()).isEqualTo(2);
        assertThat(Duration.between(clock.instant(), p.getRetries().nextAt())).isBetween(Duration.ofSeconds(59),
                Duration.ofSeconds(60));

        advance(Duration.ofSeconds(60));
        assertThat(step(id)).isEmpty();
        p = read(id);
        assertThat(p.getStatus()).isEqualTo(ChannelPostStatus.FAILED);
        assertThat(p.getErrorMessage()).contains("down");
        assertThat(p.getRetries().attempt()).isEqualTo(3);
        assertThat(sandboxPosts(failing)).isZero();

        var deadLetter = api.as(owner).get("/api/v1/social/dead-letter");
        assertThat(deadLetter).hasStatusOk();
        assertThat(Json.<List<String>>read(deadLetter, "$.items[*].id")).contains(id.toString());

        // the network is back; one click retries
        setMode(failing, "NORMAL");
        assertThat(api.as(owner).post("/api/v1/social/channel-posts/" + id + "/retry")).hasStatusOk();
        step(id);
        assertThat(read(id).getStatus()).isEqualTo(ChannelPostStatus.PUBLISHED);
        assertThat(sandboxPosts(failing)).isEqualTo(1);
    }

    @Test
    void aRateLimitWaitsAsLongAsTheNetworkAsks() {
        String limited = sandbox("RATE_LIMIT", "supported");
        UUID id = due(limited, 3);
        step(id);
        ChannelPost p = read(id);
        assertThat(p.getStatus()).isEqualTo(ChannelPostStatus.SCHEDULED);
        // the sandbox says 60 s, longer than the 30 s back-off
        assertThat(Duration.between(clock.instant(), p.getRetries().nextAt())).isBetween(Duration.ofSeconds(59),
                Duration.ofSeconds(60));
        assertThat(p.getRetries().made()).as("a wait the network asks for uses no retry").isZero();
        for (int i = 0; i < 5; i++) {
            advance(Duration.ofSeconds(60));
            step(id);
        }
        p = read(id);
        assertThat(p.getStatus()).as("a burst waits its turn, not onto the dead-letter list")
                .isEqualTo(ChannelPostStatus.SCHEDULED);
        assertThat(p.getRetries().made()).isZero();

        // past the missed-after window a wait counts, so a post that cannot get through reaches a person
        advance(Duration.ofMinutes(15));
        step(id);
        assertThat(read(id).getRetries().made()).isEqualTo(1);
        assertThat(sandboxPosts(limited)).isZero();
    }

    @Test
    void refusedContentGoesStraightToAPerson() {
        String refusing = sandbox("REFUSE", "supported");
        UUID id = due(refusing, 3);
        assertThat(step(id)).isEmpty();
        ChannelPost p = read(id);
        assertThat(p.getStatus()).isEqualTo(ChannelPostStatus.FAILED);
        assertThat(p.getRetries().made()).isZero();
        assertThat(p.getErrorCode()).isEqualTo("sandbox-refused");
    }

    @Test
    void aRevokedTokenBreaksTheAccountAndItsOtherPostsWait() {
        String revoked = sandbox("UNAUTHORIZED", "supported");
        UUID id = due(revoked, 3);
        step(id);
        assertThat(read(id).getStatus()).isEqualTo(ChannelPostStatus.FAILED);
        var accountNow = api.as(owner).get("/api/v1/channels/" + revoked);
        assertThat(Json.<String>read(accountNow, "$.health")).isEqualTo("BROKEN");

        UUID other = due(revoked, 3);
        step(other);
        ChannelPost waiting = read(other);
        assertThat(waiting.getStatus()).isEqualTo(ChannelPostStatus.SCHEDULED);
        assertThat(waiting.getBlockers()).extracting(PostBlocker::key).containsExactly("channel-health");
        // the campaign's readiness names the broken account as a blocker
        var readiness = api.as(owner).get("/api/v1/campaigns/" + campaign + "/readiness");
        assertThat(Json.<List<Boolean>>read(readiness, "$.items[?(@.key == 'publishing.channels')].done"))
                .containsExactly(false);
    }

    @Test
    void aTimeOutAfterThePostArrivedIsResolvedByAskingTheNetwork() {
        String slow = sandbox("TIMEOUT", "supported");
        UUID id = due(slow, 3);
        assertThat(step(id)).isEmpty();
        ChannelPost p = read(id);
        assertThat(p.getStatus()).isEqualTo(ChannelPostStatus.PUBLISHED);
        assertThat(sandboxPosts(slow)).as("posted once, not again after the time-out").isEqualTo(1);
        assertThat(p.getLog()).extracting(PostLogLine::message).anyMatch(m -> m.contains("Found the interrupted attempt"));
    }

    @Test
    void aNetworkThatCannotTellLeavesThePostInDoubtAndSendsNothingMore() {
        String blind = sandbox("TIMEOUT", "unknown");
        UUID id = due(blind, 3);
        assertThat(step(id)).isEmpty();
        assertThat(read(id).getStatus()).isEqualTo(ChannelPostStatus.IN_DOUBT);
        assertThat(step(id)).isEmpty();
        assertThat(sandboxPosts(blind)).isEqualTo(1);

        // a person looked: it is there
        var resolved = api.as(owner).post("/api/v1/social/channel-posts/" + id + "/resolve",
                "{\"foundOnNetwork\":true,\"url\":\"https://www.linkedin.com/feed/update/urn:li:share:1\"}");
        assertThat(resolved).hasStatusOk();
        assertThat(Json.<String>read(resolved, "$.status")).isEqualTo("PUBLISHED");
    }


    @Test
    void anAdapterFaultThatNeverReachedTheNetworkCountsAFailedAttemptNotATightLoop() {
        String broken = sandbox("BREAK", "supported");
        UUID id = due(broken, 2);
        Optional<Instant> next = step(id);
        ChannelPost p = read(id);
        assertThat(p.getStatus()).isEqualTo(ChannelPostStatus.SCHEDULED);
        assertThat(p.getRetries().made()).as("the fault counts as an attempt").isEqualTo(1);
        assertThat(p.getErrorMessage()).contains("failed unexpectedly").contains("did not reach the network");
        assertThat(next).as("retried after the pause, not at once").contains(p.getRetries().nextAt());
        assertThat(Duration.between(clock.instant(), p.getRetries().nextAt())).isBetween(Duration.ofSeconds(29),
                Duration.ofSeconds(30));
        assertThat(step(id)).as("the pause holds").contains(p.getRetries().nextAt());
        assertThat(read(id).getRetries().made()).isEqualTo(1);

        advance(Duration.ofSeconds(30));
        step(id);
        advance(Duration.ofSeconds(60));
        assertThat(step(id)).isEmpty();
        assertThat(read(id).getStatus()).as("a fault that repeats ends on the dead-letter list")
                .isEqualTo(ChannelPostStatus.FAILED);
        assertThat(sandboxPosts(broken)).isZero();
    }
    @Test
    void aCrashMidAttemptIsResolvedByTheLookupNeverByABlindResend() {
        // the attempt was committed as started, then the application died: before the call, or after it
        UUID before = due(account, 3);
        workspaces.as(owner, () -> transactions.execute(tx -> {
            ChannelPost p = channelPosts.findById(before).orElseThrow();
            p.startAttempt(clock.instant());
            return channelPosts.save(p);
        }));
        step(before);
        assertThat(read(before).getStatus()).as("not received: sent again").isEqualTo(ChannelPostStatus.SCHEDULED);
        step(before);
        assertThat(read(before).getStatus()).isEqualTo(ChannelPostStatus.PUBLISHED);
        assertThat(read(before).getRetries().attempt()).as("resent as the same attempt, under its key").isEqualTo(1);
        assertThat(sandboxPosts(account)).isEqualTo(1);
    }

    @Test
    void theGateHoldsAPostWhileTheCampaignIsPausedAndResumingReplansIt() {
        UUID id = due(account, 3);
        assertThat(requests.post(owner, "/api/v1/campaigns/" + campaign + "/pause", "{}")).hasStatusOk();
        Instant before = clock.instant();
        Optional<Instant> next = step(id);
        ChannelPost p = read(id);
        assertThat(p.getStatus()).isEqualTo(ChannelPostStatus.SCHEDULED);
        assertThat(p.getBlockers()).extracting(PostBlocker::key).containsExactly("campaign-paused");
        assertThat(next).hasValueSatisfying(at -> assertThat(Duration.between(before, at)).isBetween(
                Duration.ofSeconds(59), Duration.ofSeconds(61)));
        assertThat(sandboxPosts(account)).isZero();
        var queue = api.as(owner).get("/api/v1/social/queue/" + campaign);
        assertThat(Json.<List<String>>read(queue, "$.items[*].status")).containsExactly("WAITING");
        assertThat(Json.<List<String>>read(queue, "$.items[0].channels[0].blockers[*].message"))
                .containsExactly("The campaign is paused.");

        // resumed an hour later: the post, overdue, moves to LinkedIn's next best time in Berlin, not out at once
        advance(Duration.ofHours(1));
        assertThat(requests.post(owner, "/api/v1/campaigns/" + campaign + "/resume", "{}")).hasStatusOk();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> read(id).getPlannedBy() == PlannedBy.BEST_TIME);
        ChannelPost replanned = read(id);
        assertThat(replanned.getBlockers()).isEmpty();
        assertThat(replanned.getScheduledAt()).isAfterOrEqualTo(clock.instant().minusSeconds(1));
        int hour = replanned.getScheduledAt().atZone(java.time.ZoneId.of("Europe/Berlin")).getHour();
        assertThat(hour).isBetween(8, 16);
    }

    @Test
    void anApprovalScopeStillOpenHoldsThePost() {
        Member gated = workspaces.workspace("Gated posts");
        String gatedCampaign = requests.campaign(gated, "Gated launch");
        var created = api.as(gated).post("/api/v1/channels/sandbox",
                "{\"displayName\":\"Gated\",\"channel\":\"LINKEDIN\",\"timeZone\":\"UTC\"}");
        String gatedAccount = Json.read(created, "$.id");
        UUID id = workspaces.as(gated, () -> transactions.execute(tx -> {
            SocialPost post = posts.save(new SocialPost(UUID.fromString(gatedCampaign), null, null, "Hi", gated.userId(),
                    clock.instant()));
            return channelPosts.save(new ChannelPost(post.getId(), UUID.fromString(gatedCampaign),
                    UUID.fromString(gatedAccount), Channel.LINKEDIN, "Hi", null, List.of(), clock.instant(),
                    PlannedBy.PERSON, 3, clock.instant())).getId();
        }));
        workspaces.as(gated, () -> runner.step(id));
        ChannelPost p = workspaces.as(gated, () -> transactions.execute(tx -> channelPosts.findById(id).orElseThrow()));
        assertThat(p.getBlockers()).extracting(PostBlocker::key)
                .contains("campaign-not-active", "approval:content", "approval:schedule")
                .doesNotContain("approval:strategy", "approval:ads");
    }

    /** Seen: "Publish now" on an unapproved post said "Publishing now." and moved it inside the minimum gap. */
    @Test
    void publishNowSaysWhatAPostWaitsForAndKeepsTheGap() {
        UUID first = due(account, 3);
        step(first);
        assertThat(read(first).getStatus()).isEqualTo(ChannelPostStatus.PUBLISHED);
        Instant out = read(first).getScheduledAt();
        advance(Duration.ofMinutes(10));
        UUID second = due(account, 3);
        MvcTestResult kept = api.as(owner).post("/api/v1/social/channel-posts/" + second + "/publish");
        assertThat(kept).hasStatusOk();
        // two hours (the default gap) after the campaign's LinkedIn post that went out ten minutes ago
        assertThat(Instant.parse(Json.read(kept, "$.scheduledAt"))).isEqualTo(out.plus(Duration.ofHours(2)));
        assertThat(step(second)).isPresent();
        assertThat(read(second).getStatus()).isEqualTo(ChannelPostStatus.SCHEDULED);
        // the Posts card offers it now whatever the gap, and so does the API
        org.springframework.mock.web.MockHttpSession session = web.signIn(owner);
        String card = web.fragment(session, "/campaigns/" + campaign + "/social/panel");
        assertThat(card).contains("/social/channel-posts/" + second + "/publish-anyway", "Now, whatever the gap");
        MvcTestResult viaPage = web.post(session, "/social/channel-posts/" + second + "/publish-anyway");
        assertThat(viaPage).hasStatus3xxRedirection();
        assertThat(read(second).getScheduledAt()).isBefore(out.plus(Duration.ofHours(1)));
        UUID third = due(account, 3);
        MvcTestResult anyway = api.as(owner).post("/api/v1/social/channel-posts/" + third + "/publish?keepGap=false");
        assertThat(anyway).hasStatusOk();
        assertThat(Instant.parse(Json.read(anyway, "$.scheduledAt"))).isBefore(out.plus(Duration.ofHours(1)));

        Member gated = workspaces.workspace("Publish now gated");
        String gatedCampaign = requests.campaign(gated, "Gated now");
        var created = api.as(gated).post("/api/v1/channels/sandbox",
                "{\"displayName\":\"Gated\",\"channel\":\"LINKEDIN\",\"timeZone\":\"UTC\"}");
        UUID waiting = workspaces.as(gated, () -> transactions.execute(tx -> {
            SocialPost post = posts.save(new SocialPost(UUID.fromString(gatedCampaign), null, null, "Hi",
                    gated.userId(), clock.instant()));
            return channelPosts.save(new ChannelPost(post.getId(), UUID.fromString(gatedCampaign),
                    UUID.fromString(Json.read(created, "$.id")), Channel.LINKEDIN, "Hi", null, List.of(),
                    clock.instant().plus(Duration.ofDays(1)), PlannedBy.PERSON, 3, clock.instant())).getId();
        }));
        Instant planned = workspaces.as(gated, () -> transactions.execute(tx ->
                channelPosts.findById(waiting).orElseThrow().getScheduledAt()));
        MvcTestResult refused = api.as(gated).post("/api/v1/social/channel-posts/" + waiting + "/publish");
        assertThat(refused).hasStatus(409);
        assertThat(Json.<String>read(refused, "$.type")).endsWith("/post-waiting");
        assertThat(Json.<List<String>>read(refused, "$.waitingFor")).isNotEmpty()
                .anySatisfy(w -> assertThat(w).contains("not active"));
        ChannelPost untouched = workspaces.as(gated, () -> transactions.execute(tx ->
                channelPosts.findById(waiting).orElseThrow()));
        assertThat(untouched.getScheduledAt()).isEqualTo(planned);
        // another workspace's post is not found, through the page or the API, and a viewer may not move it
        assertThat(web.post(web.signIn(owner), "/social/channel-posts/" + waiting + "/publish-anyway")).hasStatus(404);
        assertThat(api.as(owner).post("/api/v1/social/channel-posts/" + waiting + "/publish?keepGap=false"))
                .hasStatus(404);
        assertThat(web.post(web.signIn(workspaces.addMember(gated, Role.VIEWER)), "/social/channel-posts/" + waiting
                + "/publish-anyway")).hasStatus(403);
        Instant still = workspaces.as(gated, () -> transactions.execute(tx -> channelPosts.findById(waiting)
                .orElseThrow().getScheduledAt()));
        assertThat(still).isEqualTo(planned);
    }

    @Test
    void aPostFoundLongAfterItsTimeIsMissedNotPostedLate() {
        UUID id = due(account, 3);
        advance(Duration.ofMinutes(16));
        assertThat(step(id)).isEmpty();
        ChannelPost p = read(id);
        assertThat(p.getStatus()).isEqualTo(ChannelPostStatus.MISSED);
        assertThat(sandboxPosts(account)).isZero();
        // re-planned by a person: publish now
        assertThat(api.as(owner).post("/api/v1/social/channel-posts/" + id + "/publish")).hasStatusOk();
        step(id);
        assertThat(read(id).getStatus()).isEqualTo(ChannelPostStatus.PUBLISHED);
    }
}

package io.flightdeck.notifications.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.flightdeck.shared.security.Role;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.MutableClock;
import io.flightdeck.support.TestCampaigns;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import io.flightdeck.support.WebSessions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Digests with a moved clock, for a member in Berlin across both daylight-saving nights of 2026: what waits is in the
 * app at once, the digest comes at 08:00 local and never before, once per day however often the sweep runs, grouped
 * by campaign, through the same delivery ledger as any email. (Which morning is due: {@link DigestMorningTests}.)
 */
@FlightdeckTest
class DigestTests {

    @Autowired
    ApiClient api;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    TestCampaigns campaigns;
    @Autowired
    WebSessions web;
    @Autowired
    MutableClock clock;
    @Autowired
    Digests digests;

    private Member owner;
    private Member ann;
    private String harbour;
    private String roast;

    @BeforeEach
    void setUp() {
        owner = workspaces.workspace("Digests");
        ann = workspaces.addMember(owner, Role.CONTRIBUTOR);
        harbour = campaigns.create(owner, "Harbour festival");
        roast = campaigns.create(owner, "Autumn roast");
        assertThat(api.as(ann).put("/api/v1/me", Map.of("displayName", "Ann", "timeZone", "Europe/Berlin"))).hasStatusOk();
        assertThat(api.as(ann).patch("/api/v1/notifications/preferences", Map.of("changes",
                List.of(Map.of("category", "TASKS", "channel", "EMAIL", "mode", "DAILY"))))).hasStatusOk();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aDailyDigestComesAtEightLocalOncePerDayGroupedByCampaignAcrossTheSpringChange() {
        at("2026-03-28T10:00:00Z"); // Saturday, 11:00 in Berlin (CET)
        assign(harbour, "Book the stage");
        assign(roast, "Write the roast brief");
        assign(harbour, "Print the flyers");
        await().atMost(Duration.ofSeconds(30)).until(() -> statuses().size() == 3);
        assertThat(statuses()).as("in the app at once, the email waits").containsOnly("DIGEST");
        assertThat(web.page(web.signIn(ann), "/notifications")).contains("Waits for your email digest");

        digests.makeAll();
        assertThat(statuses()).as("Saturday's morning was before they came").containsOnly("DIGEST");
        at("2026-03-29T05:58:00Z"); // Sunday 07:58 CEST: the clocks went forward in the night
        digests.makeAll();
        assertThat(statuses()).containsOnly("DIGEST");
        at("2026-03-29T06:00:30Z"); // 08:00 CEST
        digests.makeAll();
        assertThat(statuses()).containsOnly("DIGESTED");
        digests.makeAll();
        await().atMost(Duration.ofSeconds(30)).until(() -> outbox().size() == 1);
        await("never two for one day").during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> outbox().size() == 1);
        MvcTestResult mail = api.as(owner).get("/api/v1/mail-outbox/" + outbox().get(0));
        assertThat((String) Json.read(mail, "$.to")).isEqualTo(ann.email());
        assertThat((String) Json.read(mail, "$.subject")).isEqualTo("Your daily digest: 3 updates");
        String text = Json.read(mail, "$.text");
        assertThat(text).containsSubsequence("== Harbour festival ==", "Book the stage", "Print the flyers",
                "== Autumn roast ==", "Write the roast brief");
        assertThat(text).contains("as a daily digest");
        assertThat((String) Json.read(mail, "$.html")).contains("<h2", "Harbour festival", "Autumn roast");
        assertThat(statuses()).containsOnly("DIGESTED");
        assertThat(web.page(web.signIn(ann), "/notifications")).contains("In your email digest");
        assertThat(Json.<List<Object>>read(api.as(ann).get("/api/v1/notifications?size=50"), "$.items[?(@.trigger == 'DIGEST')]"))
                .as("the digest is an email, not another item in the feed").isEmpty();

        // one more that day: it waits for Monday's morning, not a second Sunday digest
        at("2026-03-29T12:00:00Z");
        assign(roast, "Taste the roast");
        await().atMost(Duration.ofSeconds(30)).until(() -> statuses().contains("DIGEST"));
        digests.makeAll();
        assertThat(statuses()).containsOnlyOnce("DIGEST");
        at("2026-03-30T06:00:30Z"); // Monday 08:00 CEST
        digests.makeAll();
        assertThat(statuses()).containsOnly("DIGESTED");
        await().atMost(Duration.ofSeconds(30)).until(() -> outbox().size() == 2);
    }

    @Test
    void theAutumnChangeMovesTheMorningAnHourLaterInUtc() {
        at("2026-10-24T12:00:00Z");
        assign(harbour, "Clear the harbour");
        await().atMost(Duration.ofSeconds(30)).until(() -> statuses().size() == 1);
        at("2026-10-25T06:30:00Z"); // 07:30 CET: 08:00 CEST would have been 06:00 UTC
        digests.makeAll();
        assertThat(statuses()).containsOnly("DIGEST");
        at("2026-10-25T07:00:30Z");
        digests.makeAll();
        assertThat(statuses()).containsOnly("DIGESTED");
        await().atMost(Duration.ofSeconds(30)).until(() -> outbox().size() == 1);
    }

    @Test
    void aDigestIsForEmailOnlyAndBadModesAreProblems() {
        MvcTestResult inApp = api.as(ann).patch("/api/v1/notifications/preferences", Map.of("changes",
                List.of(Map.of("category", "TASKS", "channel", "IN_APP", "mode", "WEEKLY"))));
        assertThat(inApp).hasStatus(400);
        assertThat(inApp.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(api.as(ann).patch("/api/v1/notifications/preferences", Map.of("changes",
                List.of(Map.of("category", "TASKS", "channel", "EMAIL", "mode", "HOURLY"))))).hasStatus(400);
        assertThat(Json.<List<Object>>read(api.as(ann).get("/api/v1/notifications/preferences"),
                "$[?(@.category == 'TASKS' && @.channel == 'IN_APP')].own")).as("nothing written").containsExactly((Object) null);
        String page = web.page(web.signIn(ann), "/notifications/preferences");
        assertThat(page).contains("Daily digest", "Weekly digest");
    }

    private void at(String instant) {
        clock.advance(Duration.between(clock.instant(), Instant.parse(instant)));
    }

    private void assign(String campaign, String title) {
        String task = Json.read(api.as(owner).post("/api/v1/campaigns/" + campaign + "/tasks", Map.of("title", title)),
                "$.id");
        assertThat(api.as(owner).put("/api/v1/tasks/" + task + "/assignee", Map.of("assigneeId", ann.userId())))
                .hasStatusOk();
    }

    private List<String> statuses() {
        return Json.read(api.as(ann).get("/api/v1/notifications?category=TASKS&size=50"), "$.items[*].deliveries[*].status");
    }

    private List<String> outbox() {
        return Json.read(api.as(owner).get("/api/v1/mail-outbox"), "$.items[*].key");
    }
}

package io.flightdeck.notifications;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import io.flightdeck.shared.security.Role;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestCampaigns;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import io.flightdeck.support.WebSessions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Quiet hours and a mute hold a member's email and never drop it: the item is in the app at once, the email waits
 * in the ledger for the window's end, and goes out as soon as the member switches the window off or ends the mute.
 * Bad times, zones and mutes are problems; a read-only key changes nothing. (The window's arithmetic, urgent items
 * and items due sooner: {@code QuietHoursTests}.)
 */
@FlightdeckTest
class QuietHoursNotificationsTests {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    @Autowired
    ApiClient api;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    TestCampaigns campaigns;
    @Autowired
    WebSessions web;

    private Member owner;
    private Member ann;
    private String campaign;

    @BeforeEach
    void setUp() {
        owner = workspaces.workspace("Quiet");
        ann = workspaces.addMember(owner, Role.CONTRIBUTOR);
        campaign = campaigns.create(owner, "Quiet campaign");
    }

    @Test
    void quietHoursHoldTheEmailNotTheBellAndSwitchingThemOffSendsIt() {
        LocalTime now = LocalTime.now(ZoneOffset.UTC);
        MvcTestResult set = api.as(ann).put("/api/v1/notifications/quiet-hours", Map.of("enabled", true,
                "start", now.minusHours(1).format(HH_MM), "end", now.plusHours(2).format(HH_MM), "timeZone", "UTC"));
        assertThat(set).hasStatusOk();
        assertThat((Boolean) Json.read(set, "$.quietNow")).isTrue();
        Instant until = Instant.parse(Json.read(set, "$.heldUntil"));

        assign("Write the quiet brief");
        await().atMost(Duration.ofSeconds(30)).until(() -> !Json.<java.util.List<?>>read(feed(), "$.items").isEmpty());
        MvcTestResult feed = feed();
        assertThat((String) Json.read(feed, "$.items[0].deliveries[0].status")).isEqualTo("QUEUED");
        assertThat(Instant.parse(Json.read(feed, "$.items[0].deliveries[0].nextAttemptAt"))).isEqualTo(until);
        assertThat(web.page(web.signIn(ann), "/notifications")).contains("Email waits for your quiet hours");
        assertThat(web.page(web.signIn(ann), "/notifications/preferences")).contains("Quiet now: email waits until");

        api.as(ann).put("/api/v1/notifications/quiet-hours", Map.of("enabled", false, "start", "22:00", "end", "07:00"));
        await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(Json.read(feed(), "$.items[0].deliveries[0].status")));
    }

    @Test
    void aMuteHoldsEmailForAnHourAndEndingItSendsWhatWaited() {
        MvcTestResult muted = api.as(ann).post("/api/v1/notifications/mute", Map.of("minutes", 60));
        assertThat(muted).hasStatusOk();
        Instant until = Instant.parse(Json.read(muted, "$.mutedUntil"));
        assertThat(until).isBetween(Instant.now().plus(Duration.ofMinutes(59)), Instant.now().plus(Duration.ofMinutes(61)));

        assign("Review the quiet copy");
        await().atMost(Duration.ofSeconds(30)).until(() -> !Json.<java.util.List<?>>read(feed(), "$.items").isEmpty());
        assertThat(Instant.parse(Json.read(feed(), "$.items[0].deliveries[0].nextAttemptAt"))).isEqualTo(until);

        MvcTestResult ended = api.as(ann).post("/api/v1/notifications/mute", Map.of("minutes", 0));
        assertThat((Boolean) Json.read(ended, "$.quietNow")).isFalse();
        await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(Json.read(feed(), "$.items[0].deliveries[0].status")));
    }

    @Test
    void badTimesZonesAndMutesAreProblemsAndAReadOnlyKeyChangesNothing() {
        for (Map<String, Object> bad : java.util.List.<Map<String, Object>>of(
                Map.of("enabled", true, "start", "25:00", "end", "07:00"),
                Map.of("enabled", true, "start", "22:00", "end", "22:00"),
                Map.of("enabled", true, "start", "22:00", "end", "07:00", "timeZone", "Mars/Olympus"),
                Map.of("start", "22:00", "end", "07:00"))) {
            MvcTestResult refused = api.as(ann).put("/api/v1/notifications/quiet-hours", bad);
            assertThat(refused).as("%s", bad).hasStatus(400);
            assertThat(refused.getResponse().getContentType()).startsWith("application/problem+json");
        }
        assertThat(api.as(ann).post("/api/v1/notifications/mute", Map.of("minutes", 5000))).hasStatus(400);
        String key = Json.read(api.as(ann).post("/api/v1/api-keys", Map.of("name", "read", "roleCeiling", "VIEWER")),
                "$.secret");
        assertThat(api.as(ann).header("Authorization", "Bearer " + key).post("/api/v1/notifications/mute",
                Map.of("minutes", 60))).hasStatus(403);
        MvcTestResult mine = api.as(ann).get("/api/v1/notifications/quiet-hours");
        assertThat((Boolean) Json.read(mine, "$.enabled")).isFalse();
        assertThat((Object) Json.read(mine, "$.mutedUntil")).isNull();
        assertThat((String) Json.read(mine, "$.timeZone")).isEqualTo(ann.actor().timeZone().getId());
    }

    @Test
    void theSettingsPageSetsTheWindowMutesAndSaysWhyWhenItCannot() {
        var session = web.signIn(ann);
        assertThat(web.post(session, "/notifications/quiet-hours", "enabled", "true", "start", "21:30", "end", "06:45",
                "timeZone", "Europe/Berlin")).hasStatus3xxRedirection();
        MvcTestResult mine = api.as(ann).get("/api/v1/notifications/quiet-hours");
        assertThat((String) Json.read(mine, "$.start")).isEqualTo("21:30");
        assertThat((String) Json.read(mine, "$.timeZone")).isEqualTo("Europe/Berlin");
        MvcTestResult refused = web.post(session, "/notifications/quiet-hours", "enabled", "true", "start", "soon",
                "end", "06:45");
        assertThat(refused.getMvcResult().getFlashMap().get("flash").toString()).contains("HH:mm");
        assertThat(web.post(session, "/notifications/mute", "minutes", "60")).hasStatus3xxRedirection();
        assertThat(web.page(session, "/notifications/preferences")).contains("Muted until").contains("End the mute");
        assertThat(web.post(session, "/notifications/mute", "minutes", "0")).hasStatus3xxRedirection();
        assertThat(web.page(session, "/notifications/preferences")).contains("Mute email for an hour");
    }

    private void assign(String title) {
        String task = Json.read(api.as(owner).post("/api/v1/campaigns/" + campaign + "/tasks", Map.of("title", title)),
                "$.id");
        api.as(owner).put("/api/v1/tasks/" + task + "/assignee", Map.of("assigneeId", ann.userId()));
    }

    private MvcTestResult feed() {
        return api.as(ann).get("/api/v1/notifications");
    }
}

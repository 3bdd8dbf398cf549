package io.flightdeck.planning;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import io.flightdeck.shared.security.Role;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * New campaigns get their timeline from their type's default template through the CampaignCreated event, when the
 * workspace has automatic timelines on; the listener runs after the campaign's commit, so the tests wait for it.
 */
@FlightdeckTest
class TimelineAutomationTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    JdbcTemplate jdbc;

    private PlanningRequests api;

    @BeforeEach
    void setUp() {
        api = new PlanningRequests(mvc);
    }

    /** Whether the planning listener has finished with this campaign's CampaignCreated event. */
    private boolean handled(String campaignId) {
        Integer done = jdbc.queryForObject("""
                select count(*) from event_publication where completion_date is not null
                  and listener_id like '%AutoTimeline%' and serialized_event like ?""", Integer.class,
                "%" + campaignId + "%");
        return done != null && done > 0;
    }

    @Test
    void aNewCampaignGetsItsTimelineFromItsTypesDefault() {
        Member owner = workspaces.workspace("Automatic");
        Member manager = workspaces.addMember(owner, Role.MANAGER);
        LocalDate end = LocalDate.parse("2031-09-30");
        String id = api.campaign(manager, "Autumn launch", "PRODUCT_LAUNCH", "HIGH", null, end);

        await().atMost(Duration.ofSeconds(20)).until(() -> api.timeline(manager, id).getResponse().getStatus() == 200);
        MvcTestResult timeline = api.timeline(manager, id);
        assertThat((String) Json.read(timeline, "$.templateName")).isEqualTo("Product launch");
        assertThat((String) Json.read(timeline, "$.direction")).isEqualTo("BACKWARD");
        assertThat((Integer) Json.read(timeline, "$.bufferPct")).isEqualTo(10);
        assertThat((String) Json.read(timeline, "$.endDate")).isEqualTo("2031-09-30");
        assertThat((List<?>) Json.read(timeline, "$.items")).hasSize(14);
        assertThat((Integer) Json.read(timeline, "$.criticalCount")).isPositive();
        // the tasks were created by the campaign's creator
        assertThat(jdbc.queryForList("select distinct created_by from tasks where campaign_id = ?", String.class,
                java.util.UUID.fromString(id))).containsExactly(manager.userId().toString());

        // Other has no default template: no timeline, and no error either
        String other = api.campaign(manager, "Odd one", "OTHER", "LOW", null, end);
        await().atMost(Duration.ofSeconds(20)).until(() -> handled(other));
        assertThat(api.timeline(manager, other)).hasStatus(404);
    }

    @Test
    void aWorkspaceCanSwitchItOff() {
        Member owner = api.workspace(workspaces, "Manual planning");
        String id = api.campaign(owner, "Hand-planned", "EVENT", "MEDIUM", null, LocalDate.parse("2031-05-29"));
        await().atMost(Duration.ofSeconds(20)).until(() -> handled(id));
        assertThat(api.timeline(owner, id)).hasStatus(404);
        // generating by hand still works
        assertThat(api.generate(owner, id, "{}")).hasStatusOk();
    }
}

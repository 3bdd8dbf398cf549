package io.flightdeck.guidance.outcomes;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.approvals.ApprovalRequests;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.MutableClock;
import io.flightdeck.support.TestCampaigns;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A campaign's outcome is scored when it completes (the {@code CampaignCompleted} event, end to end through the
 * campaign's own lifecycle) and again by the sweep while analytics' numbers may still arrive, with its recorded
 * predictions scored alongside; once its late-numbers window has passed the sweep leaves it alone.
 */
@FlightdeckTest
class OutcomeScoringTests {

    @Autowired
    ApiClient api;
    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    TestCampaigns campaigns;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OutcomeScoring scoring;
    @Autowired
    OutcomeSweep.Sweeper sweeper;
    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private LocalDate daysAgo(int days) {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(days);
    }

    private Map<String, Object> outcome(String campaign) {
        return jdbc.sql("select achieved, met, settled from guidance_outcomes where campaign_id = ?")
                .param(UUID.fromString(campaign)).query().singleRow();
    }

    private Map<String, Object> prediction(String campaign) {
        return jdbc.sql("select achieved, met, scored_at from guidance_predictions where campaign_id = ?")
                .param(UUID.fromString(campaign)).query().singleRow();
    }

    @Test
    void aCompletedCampaignIsScoredWithItsPredictions() {
        Member owner = workspaces.withoutApprovals("Scored on completion");
        ApprovalRequests requests = new ApprovalRequests(mvc);
        String campaign = requests.campaign(owner, "Spring launch");
        PredictionFixtures fixtures = new PredictionFixtures(api, jdbc);
        fixtures.objective(owner, campaign, "CLICKS", 400, null);
        fixtures.clicks(owner, campaign, daysAgo(1), 500, 20_000);
        fixtures.rolledUp(owner);
        assertThat(api.as(owner).get("/api/v1/orchestrator/campaigns/" + campaign + "/predict-success"))
                .hasStatusOk();
        requests.makeReady(owner, campaign);
        assertThat(requests.launch(owner, campaign, null)).hasStatusOk();

        assertThat(requests.post(owner, "/api/v1/campaigns/" + campaign + "/complete", "{}")).hasStatusOk();

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select count(*) from guidance_outcomes where campaign_id = ? and met is not null")
                .param(UUID.fromString(campaign)).query(Long.class).single() == 1);
        assertThat(outcome(campaign)).containsEntry("met", true).containsEntry("settled", false);
        assertThat((BigDecimal) outcome(campaign).get("achieved")).isEqualByComparingTo("500");
        assertThat(prediction(campaign)).containsEntry("met", true);
        assertThat((BigDecimal) prediction(campaign).get("achieved")).isEqualByComparingTo("500");
        // the campaign's features at the end: its click rate 500 / 20,000
        String features = jdbc.sql("select features from guidance_outcomes where campaign_id = ?")
                .param(UUID.fromString(campaign)).query(String.class).single();
        assertThat(features).containsPattern("\"clickRate\": ?0.025");
        // scoring it again (a retried event) keeps one outcome
        workspaces.as(owner, () -> scoring.score(UUID.fromString(campaign), clock.instant()));
        assertThat(jdbc.sql("select count(*) from guidance_outcomes where campaign_id = ?")
                .param(UUID.fromString(campaign)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theSweepScoresLateNumbersUntilTheWindowHasPassed() {
        Member owner = workspaces.workspace("Scored by the sweep");
        String campaign = campaigns.draft("Late numbers").channels("LINKEDIN").dates(daysAgo(20), daysAgo(3))
                .createdBy(owner);
        PredictionFixtures fixtures = new PredictionFixtures(api, jdbc);
        fixtures.objective(owner, campaign, "CLICK_RATE", 2, null);
        assertThat(api.as(owner).get("/api/v1/orchestrator/campaigns/" + campaign + "/predict-success"))
                .hasStatusOk();
        // completed with no numbers yet: recorded, not scored
        assertThat(workspaces.<Boolean>as(owner, () -> scoring.score(UUID.fromString(campaign), clock.instant())))
                .isNull();
        assertThat(outcome(campaign)).containsEntry("met", null).containsEntry("settled", false);
        assertThat(prediction(campaign)).containsEntry("met", null).containsEntry("scored_at", null);

        // the numbers arrive late: 3 % on a day of the campaign, and a day after its end that does not count
        fixtures.clicks(owner, campaign, daysAgo(4), 30, 1_000);
        fixtures.clicks(owner, campaign, daysAgo(1), 0, 9_000);
        fixtures.rolledUp(owner);
        assertThat(sweeper.sweep()).isGreaterThanOrEqualTo(1);
        assertThat(outcome(campaign)).containsEntry("met", true).containsEntry("settled", false);
        assertThat((BigDecimal) outcome(campaign).get("achieved")).isEqualByComparingTo("3");
        assertThat(prediction(campaign)).containsEntry("met", true);
        assertThat(prediction(campaign).get("scored_at")).isNotNull();

        // a week after the end the outcome settles, and later revisions no longer move it
        clock.advance(Duration.ofDays(8));
        sweeper.sweep();
        assertThat(outcome(campaign)).containsEntry("settled", true);
        fixtures.clicks(owner, campaign, daysAgo(12), 5, 1_000);
        fixtures.rolledUp(owner);
        sweeper.sweep();
        assertThat((BigDecimal) outcome(campaign).get("achieved")).isEqualByComparingTo("3");
        assertThat(outcome(campaign)).containsEntry("met", true);
    }

    @Test
    void aPredictionIsScoredAgainstTheObjectiveItWasMadeFor() {
        Member owner = workspaces.workspace("Objective changed");
        String campaign = campaigns.draft("Moving target").channels("LINKEDIN").dates(daysAgo(20), daysAgo(3))
                .createdBy(owner);
        PredictionFixtures fixtures = new PredictionFixtures(api, jdbc);
        fixtures.objective(owner, campaign, "CLICKS", 100, null);
        fixtures.clicks(owner, campaign, daysAgo(4), 150, 5_000);
        fixtures.rolledUp(owner);
        assertThat(api.as(owner).get("/api/v1/orchestrator/campaigns/" + campaign + "/predict-success"))
                .hasStatusOk();
        // the team raises the bar before the end: the outcome is judged by the new target, the earlier prediction by
        // the one it was made for
        fixtures.objective(owner, campaign, "CLICKS", 1_000, null);

        assertThat(workspaces.<Boolean>as(owner, () -> scoring.score(UUID.fromString(campaign), clock.instant())))
                .isFalse();

        assertThat(prediction(campaign)).containsEntry("met", true);
        assertThat((BigDecimal) prediction(campaign).get("achieved")).isEqualByComparingTo("150");
        assertThat(outcome(campaign)).containsEntry("met", false);
    }
}

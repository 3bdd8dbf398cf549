package io.flightdeck.guidance.outcomes;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.approvals.ApprovalRequests;
import io.flightdeck.campaigns.CampaignCompleted;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.TestCampaigns;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guidance's {@code CampaignCompletion} listener, fed by a {@link Scenario} in the shared context: a completed campaign
 * is scored against its objective, once. The completion is the real one through the campaigns API (the listener reads
 * the campaign, its objective and analytics' numbers, all set up through their APIs); a delivery made again keeps one
 * outcome, and a campaign that is gone is not scored.
 */
@FlightdeckTest
@EnableScenarios
class CampaignCompletionScenarioTests {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    MockMvcTester mvc;
    @Autowired
    ApiClient api;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    TestCampaigns campaigns;
    @Autowired
    JdbcClient jdbc;

    private PredictionFixtures fixtures;
    private ApprovalRequests requests;
    private Member owner;

    @BeforeEach
    void setUp() {
        fixtures = new PredictionFixtures(api, jdbc);
        requests = new ApprovalRequests(mvc);
        owner = workspaces.withoutApprovals("Completion listener");
    }

    private static LocalDate daysAgo(int days) {
        return LocalDate.now(ZoneOffset.UTC).minusDays(days);
    }

    /** The campaign's outcomes: none before it is scored, one after. */
    private List<Map<String, Object>> outcomes(String campaign) {
        return jdbc.sql("select achieved, met, metric, settled from guidance_outcomes where campaign_id = ?")
                .param(UUID.fromString(campaign)).query().listOfRows();
    }

    /** How many deliveries of a completion of the campaign the listener has finished. */
    private long handled(String campaign) {
        return jdbc.sql("select count(*) from event_publication where listener_id like '%.CampaignCompletion.%'"
                + " and event_type like '%.CampaignCompleted' and serialized_event like ?"
                + " and completion_date is not null").param("%" + campaign + "%").query(Long.class).single();
    }

    @Test
    void aCompletedCampaignIsScoredAgainstItsObjective(Scenario scenario) {
        String campaign = requests.campaign(owner, "Spring launch");
        fixtures.objective(owner, campaign, "CLICKS", 400, null);
        fixtures.clicks(owner, campaign, daysAgo(1), 500, 20_000);
        fixtures.rolledUp(owner);
        requests.makeReady(owner, campaign);
        assertThat(requests.launch(owner, campaign, null)).hasStatusOk();

        scenario.stimulate(transactions -> { // no transaction around it: the request opens its own
                    assertThat(requests.post(owner, "/api/v1/campaigns/" + campaign + "/complete", "{}")).hasStatusOk();
                    return campaign;
                })
                .andWaitAtMost(PATIENCE)
                .andWaitForStateChange(() -> outcomes(campaign), rows -> !rows.isEmpty())
                .andVerify(rows -> assertThat(rows).singleElement().satisfies(outcome -> {
                    assertThat(outcome).containsEntry("met", true).containsEntry("metric", "CLICKS")
                            .containsEntry("settled", false);
                    assertThat((BigDecimal) outcome.get("achieved")).isEqualByComparingTo("500");
                }));
    }

    @Test
    void aCompletionDeliveredAgainKeepsOneOutcome(Scenario scenario) {
        String campaign = campaigns.draft("Late numbers").channels("LINKEDIN").dates(daysAgo(20), daysAgo(3))
                .createdBy(owner);
        fixtures.objective(owner, campaign, "CLICKS", 100, null);
        fixtures.clicks(owner, campaign, daysAgo(4), 80, 5_000);
        fixtures.rolledUp(owner);
        Instant first = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        CampaignCompleted completed = new CampaignCompleted(owner.workspaceId(), UUID.fromString(campaign),
                owner.userId(), first);

        scenario.stimulate((transactions, events) -> {
                    transactions.executeWithoutResult(status -> events.publishEvent(completed));
                    // delivered again after the first delivery is done, as the registry resubmits one whose
                    // completion was lost (two at once would race on the one outcome's row: not what is claimed)
                    Awaitility.await().atMost(PATIENCE).until(() -> handled(campaign) == 1);
                    transactions.executeWithoutResult(status -> events.publishEvent(completed));
                    return campaign;
                })
                .andWaitAtMost(PATIENCE)
                .andWaitForStateChange(() -> handled(campaign), handled -> handled == 2)
                .andVerify(handled -> {
                    assertThat(outcomes(campaign)).singleElement().satisfies(outcome -> {
                        assertThat(outcome).containsEntry("met", false).containsEntry("metric", "CLICKS");
                        assertThat((BigDecimal) outcome.get("achieved")).isEqualByComparingTo("80");
                    });
                    assertThat(completedAt(campaign)).isEqualTo(first);
                });
    }

    private Instant completedAt(String campaign) {
        return jdbc.sql("select completed_at from guidance_outcomes where campaign_id = ?")
                .param(UUID.fromString(campaign)).query(Timestamp.class).single().toInstant();
    }

    @Test
    void aCampaignThatIsGoneIsNotScored(Scenario scenario) {
        String gone = UUID.randomUUID().toString();
        scenario.publish(new CampaignCompleted(owner.workspaceId(), UUID.fromString(gone), owner.userId(),
                        Instant.now()))
                .andWaitAtMost(PATIENCE)
                .andWaitForStateChange(() -> handled(gone), handled -> handled == 1)
                .andVerify(handled -> assertThat(outcomes(gone)).isEmpty());
    }
}

package io.flightdeck.guidance;

import java.util.Map;
import java.util.UUID;

import io.flightdeck.guidance.blockers.CampaignBlockers;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestCampaigns;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An evaluation reads each module's state a fixed number of times, however many objects the campaign has: more emails
 * waiting to be sent (whose tests are read together) or more tasks add no statement.
 */
@FlightdeckTest
class EvaluateStatementsTests {

    @Autowired
    ApiClient api;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    TestCampaigns campaigns;
    @Autowired
    CampaignBlockers blockers;
    @Autowired
    EntityManagerFactory entityManagerFactory;

    @Test
    void moreEmailsAndTasksAddNoStatement() {
        Member owner = workspaces.withoutApprovals("Evaluate statements");
        String campaign = campaigns.create(owner, "Counted");
        // the sender first: with one, readiness also checks its domain, which is read once whatever the emails
        assertThat(api.as(owner).put("/api/v1/email/settings", Map.of("fromName", "Counted Co", "fromAddress",
                "news@counted.example"))).hasStatusOk();
        email(owner, campaign, "First");
        task(owner, campaign, "First task");
        long small = statements(owner, UUID.fromString(campaign));

        for (int i = 0; i < 4; i++) {
            email(owner, campaign, "More " + i);
            task(owner, campaign, "More task " + i);
        }
        String tested = email(owner, campaign, "Tested");
        assertThat(api.as(owner).post("/api/v1/email/campaigns/" + tested + "/test-send", Map.of("to", owner.email())))
                .hasStatus(201);
        long large = statements(owner, UUID.fromString(campaign));

        assertThat(large).isEqualTo(small);
    }

    private String email(Member owner, String campaign, String name) {
        return Json.read(api.as(owner).post("/api/v1/email/campaigns", Map.of("campaignId", campaign, "name", name,
                "subject", "News", "html", "<p>Hello</p>")), "$.id");
    }

    private void task(Member owner, String campaign, String title) {
        assertThat(api.as(owner).post("/api/v1/campaigns/" + campaign + "/tasks", Map.of("title", title)))
                .hasStatus(201);
    }

    /**
     * Statements Hibernate prepared for one evaluation as the owner. The statistics are global, so work on other
     * threads (the scheduler's sweeps) can only add to a count: the least of five runs is the evaluation's own.
     */
    private long statements(Member owner, UUID campaign) {
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        boolean enabled = statistics.isStatisticsEnabled();
        statistics.setStatisticsEnabled(true);
        long least = Long.MAX_VALUE;
        try {
            for (int i = 0; i < 5; i++) {
                statistics.clear();
                workspaces.as(owner, () -> blockers.evaluate(campaign));
                least = Math.min(least, statistics.getPrepareStatementCount());
            }
        } finally {
            statistics.setStatisticsEnabled(enabled);
        }
        assertThat(least).as("an evaluation reads something").isPositive();
        return least;
    }
}

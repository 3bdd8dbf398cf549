package io.flightdeck.guidance;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.flightdeck.approvals.ApprovalRequests;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.TestCampaigns;
import io.flightdeck.support.TestWorkspaces.Member;
import org.awaitility.Awaitility;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An active campaign whose Facebook earns fewer clicks than the workspace's other campaign there, made through the API
 * (launch, facts) and rolled up: what the underperforming-channel rule recommends on.
 */
public final class WeakChannels {

    private final ApiClient api;
    private final MockMvcTester mvc;
    private final JdbcClient jdbc;

    public WeakChannels(ApiClient api, MockMvcTester mvc, JdbcClient jdbc) {
        this.api = api;
        this.mvc = mvc;
        this.jdbc = jdbc;
    }

    /**
     * A launched campaign with {@code clicks} of 10,000 impressions on Facebook, beside another campaign's 300 of 10,000
     * (3 %); the owner's workspace must have its approvals off ({@code TestWorkspaces.withoutApprovals}).
     */
    public String activeCampaign(Member owner, String name, long clicks) {
        ApprovalRequests requests = new ApprovalRequests(mvc);
        String campaign = requests.campaign(owner, name);
        requests.makeReady(owner, campaign);
        assertThat(requests.launch(owner, campaign, null)).hasStatusOk();
        String other = new TestCampaigns(api).draft(name + " (other)").createdBy(owner);
        facebook(owner, other, 300);
        facebook(owner, campaign, clicks);
        return campaign;
    }

    /** Replaces the campaign's Facebook numbers of two days ago (10,000 impressions) and waits for the rollups. */
    public void facebook(Member owner, String campaign, long clicks) {
        LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(2);
        List<Map<String, Object>> facts = List.of(fact(campaign, "IMPRESSIONS", day, 10_000),
                fact(campaign, "CLICKS", day, clicks));
        assertThat(api.as(owner).post("/api/v1/analytics/facts", Map.of("facts", facts))).hasStatusOk();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "select count(*) from analytics_changes where tenant_id = ?").param(owner.workspaceId())
                .query(Long.class).single() == 0);
    }

    private static Map<String, Object> fact(String campaign, String metric, LocalDate day, long value) {
        return Map.of("source", "hand", "objectType", "ad", "objectId", "fb-" + metric + "-" + campaign,
                "campaignId", campaign, "channel", "FACEBOOK", "metric", metric, "granularity", "DAY",
                "periodStart", day + "T00:00:00Z", "value", BigDecimal.valueOf(value));
    }
}

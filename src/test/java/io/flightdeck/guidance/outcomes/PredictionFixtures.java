package io.flightdeck.guidance.outcomes;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.flightdeck.support.ApiClient;
import io.flightdeck.support.TestWorkspaces.Member;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Objectives and analytics numbers for the prediction tests, through the API as a member would send them. */
final class PredictionFixtures {

    private final ApiClient api;
    private final JdbcClient jdbc;

    PredictionFixtures(ApiClient api, JdbcClient jdbc) {
        this.api = api;
        this.jdbc = jdbc;
    }

    void objective(Member manager, String campaign, String metric, Object target, String currency) {
        Map<String, Object> body = new HashMap<>(Map.of("metric", metric, "target", target));
        if (currency != null) {
            body.put("currency", currency);
        }
        assertThat(api.as(manager).put("/api/v1/orchestrator/campaigns/" + campaign + "/objective", body))
                .hasStatusOk();
    }

    /** A day's clicks and impressions of the campaign, counted once the rollups fold them in ({@link #rolledUp}). */
    void clicks(Member owner, String campaign, LocalDate day, long clicks, long impressions) {
        List<Map<String, Object>> facts = new ArrayList<>();
        facts.add(fact(campaign, day, "CLICKS", clicks));
        facts.add(fact(campaign, day, "IMPRESSIONS", impressions));
        assertThat(api.as(owner).post("/api/v1/analytics/facts", Map.of("facts", facts))).hasStatusOk();
    }

    private static Map<String, Object> fact(String campaign, LocalDate day, String metric, long value) {
        return new HashMap<>(Map.of("source", "google-ads", "objectType", "ad", "objectId", "ad-" + campaign,
                "campaignId", campaign, "channel", "SEARCH_ADS", "metric", metric, "granularity", "DAY",
                "periodStart", day + "T00:00:00Z", "value", BigDecimal.valueOf(value)));
    }

    /** Waits for the rollups job to fold in every change of the workspace's facts. */
    void rolledUp(Member owner) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "select count(*) from analytics_changes where tenant_id = ?").param(owner.workspaceId())
                .query(Long.class).single() == 0);
    }
}

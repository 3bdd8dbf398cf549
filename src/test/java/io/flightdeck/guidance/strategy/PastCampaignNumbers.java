package io.flightdeck.guidance.strategy;

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

/** Numbers for past campaigns, sent through the facts API as a source would, and waited for until rolled up. */
final class PastCampaignNumbers {

    private final ApiClient api;
    private final JdbcClient jdbc;
    private final List<Map<String, Object>> facts = new ArrayList<>();
    private final LocalDate day;

    PastCampaignNumbers(ApiClient api, JdbcClient jdbc, LocalDate day) {
        this.api = api;
        this.jdbc = jdbc;
        this.day = day;
    }

    /** A channel's totals for a campaign: impressions, clicks, conversions, and spend and revenue in euros. */
    PastCampaignNumbers channel(String campaign, String channel, int impressions, int clicks, int conversions,
            String spend, String revenue) {
        add(campaign, channel, "IMPRESSIONS", impressions, null);
        add(campaign, channel, "CLICKS", clicks, null);
        add(campaign, channel, "CONVERSIONS", conversions, null);
        add(campaign, channel, "SPEND", new BigDecimal(spend), "EUR");
        add(campaign, channel, "REVENUE", new BigDecimal(revenue), "EUR");
        return this;
    }

    private void add(String campaign, String channel, String metric, Object value, String currency) {
        Map<String, Object> fact = new HashMap<>(Map.of("source", "hand", "objectType", "ad",
                "objectId", campaign + "-" + channel + "-" + metric, "campaignId", campaign, "channel", channel,
                "metric", metric, "granularity", "DAY", "periodStart", day + "T00:00:00Z", "value", value));
        if (currency != null) {
            fact.put("currency", currency);
        }
        facts.add(fact);
    }

    /** Sends the numbers as the member and waits for the workspace's rollups. */
    void sendAs(Member member) {
        assertThat(api.as(member).post("/api/v1/analytics/facts", Map.of("facts", facts))).hasStatusOk();
        facts.clear();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "select count(*) from analytics_changes where tenant_id = ?").param(member.workspaceId())
                .query(Long.class).single() == 0);
    }
}

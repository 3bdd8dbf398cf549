package io.flightdeck.exports;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import io.flightdeck.support.ApiClient;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces.Member;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/** Makes the rows the export tests list, each through its module's API as a member would. */
final class ListRows {

    private final ApiClient api;

    ListRows(ApiClient api) {
        this.api = api;
    }

    void task(Member as, String campaignId, String title) {
        MvcTestResult made = api.as(as).post("/api/v1/campaigns/" + campaignId + "/tasks", Map.of("title", title));
        assertThat(made).as(Json.body(made)).hasStatus(201);
    }

    void asset(Member as, String name) {
        MvcTestResult made = api.as(as).post("/api/v1/campaign-assets", Map.of("name", name,
                "type", "HEADLINE", "headline", "Ride on"));
        assertThat(made).as(Json.body(made)).hasStatus(201);
    }

    String sandboxAccount(Member as) {
        return Json.read(api.as(as).post("/api/v1/channels/sandbox",
                "{\"displayName\":\"Roastery on X\",\"channel\":\"TWITTER\",\"timeZone\":\"UTC\"}"), "$.id");
    }

    void post(Member as, String campaign, String account, String text, LocalDate day) {
        MvcTestResult made = api.as(as).post("/api/v1/social/schedule", Map.of("campaignId", campaign,
                "accountId", account, "text", text, "at", day.atTime(10, 30).toInstant(ZoneOffset.UTC).toString()));
        assertThat(made).as(Json.body(made)).hasStatus2xxSuccessful();
    }

    void email(Member as, String campaignId, String name) {
        MvcTestResult made = api.as(as).post("/api/v1/email/campaigns", Map.of("campaignId", campaignId,
                "name", name));
        assertThat(made).as(Json.body(made)).hasStatus(201);
    }

    void contact(Member as, String email, String name) {
        MvcTestResult made = api.as(as).post("/api/v1/email/contacts", Map.of("email", email, "name", name,
                "consent", Map.of("source", "MANUAL", "evidence", "Asked at the fair")));
        assertThat(made).as(Json.body(made)).hasStatus(201);
    }
}

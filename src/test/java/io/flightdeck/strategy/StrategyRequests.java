package io.flightdeck.strategy;

import java.util.List;

import io.flightdeck.support.ApiClient;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestCampaigns;
import io.flightdeck.support.TestWorkspaces.Member;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/** The strategy API as the strategy tests call it, and the campaigns they hang off. */
public final class StrategyRequests {

    /** Every field filled in: complete even for a campaign with a budget. */
    public static final String FULL = """
            {"platforms":["INSTAGRAM","FACEBOOK"],"goals":["2,000 trial sign-ups","300 sales-qualified leads"],
             "targetAudience":"Operations managers at mid-sized logistics firms in EMEA",
             "contentPillars":["Customer stories","Product tips"],"brandTone":"Confident, warm, no jargon",
             "constraints":"No competitor names; legal review for every claim","cadence":"3 posts a week on Instagram",
             "adsConfig":{"objective":"LEADS","budgetSplit":{"INSTAGRAM":60,"FACEBOOK":40},"biddingNotes":"Cap CPC at 2 EUR"}}""";

    private final ApiClient api;

    public StrategyRequests(MockMvcTester mvc) {
        this.api = new ApiClient(mvc);
    }

    public static String base(String campaignId) {
        return "/api/v1/campaigns/" + campaignId + "/strategies";
    }

    /** A new campaign (the owner is a manager and more), with or without a budget; returns its id. */
    public String campaign(Member owner, String name, boolean budget) {
        TestCampaigns.Draft draft = new TestCampaigns(api).draft(name);
        return (budget ? draft.budget("5000", "EUR") : draft).createdBy(owner);
    }

    /** A new campaign that runs on the given channels; returns its id. */
    public String campaignOn(Member owner, String name, String... channels) {
        return new TestCampaigns(api).draft(name).channels(channels).createdBy(owner);
    }

    public MvcTestResult save(Member as, String campaignId, String body) {
        return api.as(as).post(base(campaignId), body);
    }

    public MvcTestResult save(Member as, String campaignId, String body, String idempotencyKey) {
        return api.as(as).idempotencyKey(idempotencyKey).post(base(campaignId), body);
    }

    /** Saves and returns the new version number. */
    public int saveVersion(Member as, String campaignId, String body) {
        MvcTestResult saved = save(as, campaignId, body);
        assertThat(saved).hasStatus(201);
        return Json.read(saved, "$.version");
    }

    public MvcTestResult fetch(Member as, String path) {
        return api.as(as).get(path);
    }

    public MvcTestResult post(Member as, String path, String body) {
        return api.as(as).post(path, body);
    }

    public MvcTestResult invalidate(Member as, String campaignId, int version, String reason) {
        return post(as, base(campaignId) + "/" + version + "/invalidate",
                reason == null ? null : "{\"reason\":\"" + reason + "\"}");
    }

    public MvcTestResult completeness(Member as, String campaignId, int version) {
        return post(as, base(campaignId) + "/" + version + "/check-completeness", null);
    }

    /** The version numbers the list answers, newest first. */
    public List<Integer> versions(Member as, String campaignId) {
        MvcTestResult list = fetch(as, base(campaignId) + "?size=100");
        assertThat(list).hasStatusOk();
        return Json.read(list, "$.items[*].version");
    }
}

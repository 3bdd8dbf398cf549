package io.flightdeck.assets;

import java.time.Duration;
import java.util.List;

import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestCampaigns;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Assets' two listeners, which make a campaign's spaces follow it into the trash and back out. The stimulus is the
 * real move through the campaigns API: the listener asks campaigns whether the campaign is in the trash rather than
 * trusting the event, so an invented event would change nothing. Runs in the shared context.
 */
@FlightdeckTest
@EnableScenarios
class AssetsListenerScenarioTests {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final String SPACES = "/api/v1/campaign-spaces";

    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApiClient api;
    @Autowired
    TestCampaigns campaigns;

    private Member owner;
    private String campaign;

    @BeforeEach
    void setUp() {
        owner = workspaces.workspace("Assets listeners");
        campaign = campaigns.draft("Harbour festival").type("EVENT").createdBy(owner);
        String kept = campaigns.draft("Kept").type("EVENT").createdBy(owner);
        space(campaign, "Festival – Meta");
        space(kept, "Kept – Meta");
        assertThat(names()).containsExactlyInAnyOrder("Festival – Meta", "Kept – Meta");
    }

    private void space(String campaignId, String name) {
        assertThat(api.as(owner).post(SPACES, "{\"campaignId\":\"%s\",\"name\":\"%s\",\"platform\":\"META\"}"
                .formatted(campaignId, name))).hasStatus(201);
    }

    private List<String> names() {
        return Json.read(api.as(owner).get(SPACES + "?size=100"), "$.items[*].name");
    }

    private void trash(Scenario scenario) {
        scenario.stimulate(transactions -> {
                    assertThat(api.as(owner).delete("/api/v1/campaigns/" + campaign)).hasStatus(204);
                    return campaign;
                })
                .andWaitAtMost(PATIENCE)
                .andWaitForStateChange(this::names, names -> names.size() == 1)
                .andVerify(names -> assertThat(names).containsExactly("Kept – Meta"));
    }

    @Test
    void aCampaignMovedToTheTrashTakesItsSpacesOutOfTheLists(Scenario scenario) {
        trash(scenario);
    }

    @Test
    void aRestoredCampaignBringsThemBack(Scenario scenario) {
        trash(scenario);
        scenario.stimulate(transactions -> {
                    assertThat(api.as(owner).post("/api/v1/campaigns/" + campaign + "/restore")).hasStatusOk();
                    return campaign;
                })
                .andWaitAtMost(PATIENCE)
                .andWaitForStateChange(this::names, names -> names.size() == 2)
                .andVerify(names -> assertThat(names).containsExactlyInAnyOrder("Festival – Meta", "Kept – Meta"));
    }
}

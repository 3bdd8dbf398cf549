package io.flightdeck.strategy;

import java.time.Duration;
import java.util.List;

import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Strategy's two listeners, which turn its own events into sentences in the campaign's activity feed after the save's
 * commit: a saved version and a withdrawn one. The stimulus is the real change through the strategy API (the listener
 * reads the version it is told about, so an invented event would find nothing to write). Runs in the shared
 * context.
 */
@FlightdeckTest
@EnableScenarios
class StrategyListenerScenarioTests {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApiClient api;

    private StrategyRequests requests;
    private Member owner;
    private String campaign;

    @BeforeEach
    void setUp() {
        requests = new StrategyRequests(mvc);
        owner = workspaces.workspace("Strategy listeners");
        campaign = requests.campaign(owner, "Winter blend", false);
    }

    private List<String> sentences(String verb) {
        return Json.read(api.as(owner).get("/api/v1/campaigns/" + campaign + "/activity?size=50"),
                "$.items[?(@.verb == '" + verb + "')].sentence");
    }

    @Test
    void aSavedVersionIsWrittenToTheActivityFeed(Scenario scenario) {
        scenario.stimulate(transactions -> requests.saveVersion(owner, campaign, StrategyRequests.FULL))
                .andWaitAtMost(PATIENCE)
                .andWaitForStateChange(() -> sentences("strategy.saved"), lines -> !lines.isEmpty())
                .andVerify(lines -> assertThat(lines).singleElement().asString()
                        .endsWith("saved the first strategy (version 1)"));
    }

    @Test
    void aWithdrawnVersionIsWrittenToTheActivityFeed(Scenario scenario) {
        int version = requests.saveVersion(owner, campaign, StrategyRequests.FULL);
        scenario.stimulate(transactions -> {
                    assertThat(requests.invalidate(owner, campaign, version, "The brief changed")).hasStatusOk();
                    return version;
                })
                .andWaitAtMost(PATIENCE)
                .andWaitForStateChange(() -> sentences("strategy.invalidated"), lines -> !lines.isEmpty())
                .andVerify(lines -> assertThat(lines).singleElement().asString()
                        .endsWith("withdrew the strategy (version 1): “The brief changed”"));
    }
}

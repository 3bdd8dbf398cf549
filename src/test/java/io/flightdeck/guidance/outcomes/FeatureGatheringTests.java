package io.flightdeck.guidance.outcomes;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.guidance.prediction.CampaignFeatures;
import io.flightdeck.shared.security.Role;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.MutableClock;
import io.flightdeck.support.TestCampaigns;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The features of campaigns, gathered together from the modules' root reads: budget, planned days and channels from
 * the campaign, the audience from its current strategy, the on-time share from its finished tasks, the approved share
 * from the workspace's scopes, its creatives, its published share and its click rate; and a campaign with nothing yet
 * in the same batch at the neutral values.
 */
@FlightdeckTest
class FeatureGatheringTests {

    @Autowired
    ApiClient api;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    TestCampaigns campaigns;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    FeatureGathering gathering;
    @Autowired
    CampaignDirectory directory;
    @Autowired
    MutableClock clock;

    @Test
    void eachModuleSaysItsPart() {
        Member owner = workspaces.workspace("Features");
        Member writer = workspaces.addMember(owner, Role.CONTRIBUTOR);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        String full = campaigns.draft("Everything").channels("INSTAGRAM", "EMAIL").budget("4000", "EUR")
                .dates(today.minusDays(10), today.plusDays(20)).createdBy(owner);
        String bare = campaigns.create(owner, "Nothing yet");

        assertThat(api.as(writer).post("/api/v1/campaigns/" + full + "/strategies",
                Map.of("targetAudience", "  Café owners  "))).hasStatus(201);
        // three finished tasks, one of them after its due date
        for (LocalDate due : List.of(today.minusDays(2), today.plusDays(3), today.plusDays(4))) {
            String task = Json.read(api.as(owner).post("/api/v1/campaigns/" + full + "/tasks",
                    Map.of("title", "Task due " + due, "dueDate", due.toString())), "$.id");
            assertThat(api.as(owner).post("/api/v1/tasks/" + task + "/status", Map.of("status", "IN_PROGRESS")))
                    .hasStatusOk();
            assertThat(api.as(owner).post("/api/v1/tasks/" + task + "/status", Map.of("status", "DONE")))
                    .hasStatusOk();
        }
        for (String title : List.of("Teaser", "Launch")) {
            assertThat(api.as(writer).post("/api/v1/content/creatives", """
                    {"campaignId":"%s","title":"%s","channels":["INSTAGRAM"],"mode":"MANUAL",
                     "texts":{"CAPTION":"A person wrote this."}}""".formatted(full, title))).hasStatus(201);
        }
        PredictionFixtures fixtures = new PredictionFixtures(api, jdbc);
        fixtures.clicks(owner, full, today.minusDays(2), 25, 1_000);
        fixtures.clicks(owner, full, today.minusDays(1), 15, 1_000);
        fixtures.rolledUp(owner);

        Map<UUID, FeatureGathering.Gathered> gathered = workspaces.as(owner, () -> {
            List<CampaignSnapshot> both = List.copyOf(directory.findAll(
                    List.of(UUID.fromString(full), UUID.fromString(bare))).values());
            return gathering.gather(both, Map.of(UUID.fromString(full), today, UUID.fromString(bare), today));
        });

        // the workspace's approval scopes are on and none is approved yet; no post or send went out
        assertThat(gathered.get(UUID.fromString(full)).features()).isEqualTo(new CampaignFeatures(4000, 30,
                List.of("EMAIL", "INSTAGRAM"), "Café owners", 2 / 3.0, 0, 2, 1, 0.02));
        assertThat(gathered.get(UUID.fromString(full)).totals()).hasSize(2);
        assertThat(gathered.get(UUID.fromString(bare)).features()).isEqualTo(new CampaignFeatures(0, 0, List.of(),
                null, 1, 0, 0, 1, 0));
        assertThat(gathered.get(UUID.fromString(bare)).totals()).isEmpty();

        // through the day before, the click rate is the first day's
        Map<UUID, FeatureGathering.Gathered> earlier = workspaces.as(owner, () -> gathering.gather(
                List.of(directory.find(UUID.fromString(full)).orElseThrow()),
                Map.of(UUID.fromString(full), today.minusDays(2))));
        assertThat(earlier.get(UUID.fromString(full)).features().clickRate()).isEqualTo(0.025);
    }

    @Test
    void thePublishedShareCountsPostsAndSendsTogether() {
        assertThat(FeatureGathering.publishedShare(null, null)).isEqualTo(1.0);
        assertThat(FeatureGathering.publishedShare(new io.flightdeck.publishing.PostOutcomes.Tally(3, 1),
                new io.flightdeck.email.SendOutcomes.Tally(4, 2))).isEqualTo(5 / 8.0);
    }
}

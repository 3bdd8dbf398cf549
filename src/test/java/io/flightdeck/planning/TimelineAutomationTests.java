package io.flightdeck.planning;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import io.flightdeck.campaigns.CampaignCreated;
import io.flightdeck.planning.settings.PlanningPreferences;
import io.flightdeck.planning.settings.PlanningSettingsChange;
import io.flightdeck.planning.tasks.CampaignTimelines;
import io.flightdeck.planning.tasks.TimelineView;
import io.flightdeck.shared.security.Role;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.TestCampaigns;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event flow "a new campaign gets its timeline": campaigns publishes {@code CampaignCreated}, planning's
 * {@code AutoTimeline} listener lays the timeline out from the type's default template after the campaign's commit,
 * on another thread, so each {@link Scenario} waits for the state it expects. Runs in the shared context; the
 * workspace, its members and campaigns come through those modules'
 * HTTP API. The stimuli run outside the scenario's transaction: a workspace's scope has to open before a transaction
 * begins (docs/development.md), and each request opens its own.
 */
@FlightdeckTest
@EnableScenarios
class TimelineAutomationTests {

    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApiClient api;
    @Autowired
    TestCampaigns campaigns;
    @Autowired
    CampaignTimelines timelines;
    @Autowired
    PlanningPreferences preferences;
    @Autowired
    CompletedEventPublications completed;
    @Autowired
    JdbcTemplate jdbc;

    private Optional<TimelineView> timeline(Member as, UUID campaignId) {
        return workspaces.as(as, () -> timelines.find(campaignId));
    }

    /** Whether planning's listener has finished with the campaign's CampaignCreated (the only listener to it). */
    private boolean handled(UUID campaignId) {
        return completed.findAll().stream().anyMatch(publication -> publication.getEvent() instanceof CampaignCreated c
                && c.campaignId().equals(campaignId));
    }

    @Test
    void aNewCampaignGetsItsTimelineFromItsTypesDefault(Scenario scenario) {
        Member owner = workspaces.workspace("Automatic");
        Member manager = workspaces.addMember(owner, Role.MANAGER);
        LocalDate end = LocalDate.parse("2031-09-30");
        AtomicReference<UUID> campaign = new AtomicReference<>();

        scenario.stimulate(transactions -> { // no transaction around it: the scope must open first
                    campaign.set(UUID.fromString(campaigns.draft("Autumn launch").type("PRODUCT_LAUNCH").priority("HIGH")
                            .dates(null, end).createdBy(manager)));
                    return campaign.get();
                })
                .andWaitForStateChange(() -> timeline(manager, campaign.get()), Optional::isPresent)
                .andVerify(found -> {
                    TimelineView timeline = found.orElseThrow();
                    assertThat(timeline.templateName()).isEqualTo("Product launch");
                    assertThat(timeline.direction()).isEqualTo(TimelineDirection.BACKWARD);
                    assertThat(timeline.bufferPct()).isEqualTo(10);
                    assertThat(timeline.endDate()).isEqualTo(end);
                    assertThat(timeline.items()).hasSize(14);
                    assertThat(timeline.criticalCount()).isPositive();
                    // the tasks were created by the campaign's creator
                    assertThat(jdbc.queryForList("select distinct created_by from tasks where campaign_id = ?",
                            UUID.class, campaign.get())).containsExactly(manager.userId());
                });
    }

    @Test
    void aTypeWithoutADefaultTemplateGetsNoTimelineAndNoError(Scenario scenario) {
        Member owner = workspaces.workspace("Other type");
        AtomicReference<UUID> campaign = new AtomicReference<>();

        scenario.stimulate(transactions -> { // no transaction around it: the scope must open first
                    campaign.set(UUID.fromString(campaigns.draft("Odd one").type("OTHER").priority("HIGH")
                            .dates(null, LocalDate.parse("2031-09-30")).createdBy(owner)));
                    return campaign.get();
                })
                .andWaitForStateChange(() -> handled(campaign.get()))
                .andVerify(done -> assertThat(timeline(owner, campaign.get())).isEmpty());
    }

    @Test
    void aWorkspaceCanSwitchItOff(Scenario scenario) {
        Member owner = workspaces.workspace("Manual planning");
        workspaces.as(owner, () -> preferences.change(new PlanningSettingsChange(false, 5, 10, 15, 20, List.of()), null));
        AtomicReference<UUID> campaign = new AtomicReference<>();

        scenario.stimulate(transactions -> { // no transaction around it: the scope must open first
                    campaign.set(UUID.fromString(campaigns.draft("Hand-planned").type("EVENT").priority("HIGH")
                            .dates(null, LocalDate.parse("2031-05-29")).createdBy(owner)));
                    return campaign.get();
                })
                .andWaitForStateChange(() -> handled(campaign.get()))
                .andVerify(done -> {
                    assertThat(timeline(owner, campaign.get())).isEmpty();
                    // generating by hand still works
                    assertThat(workspaces.as(owner, () -> timelines.generate(campaign.get(), null, null, false)).items())
                            .isNotEmpty();
                });
    }
}

package io.flightdeck.planning;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import io.flightdeck.campaigns.CampaignCreated;
import io.flightdeck.campaigns.CampaignPriority;
import io.flightdeck.campaigns.CampaignType;
import io.flightdeck.campaigns.domain.CampaignDetails;
import io.flightdeck.campaigns.domain.Campaigns;
import io.flightdeck.identity.domain.Invitations;
import io.flightdeck.identity.domain.Workspaces;
import io.flightdeck.shared.security.Actor;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.tenancy.TenantScope;
import io.flightdeck.support.TestClockConfiguration;
import io.flightdeck.support.TestWorkspaces;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event flow "a new campaign gets its timeline": campaigns publishes {@code CampaignCreated}, planning's
 * {@code AutoTimeline} listener lays the timeline out from the type's default template after the campaign's commit,
 * on another thread, so each {@link Scenario} waits for the state it expects. Boots planning with the modules it
 * depends on (campaigns, identity, shared) only; the workspace and its members come from identity's services, since
 * the shared {@code TestWorkspaces} needs the approvals module. The stimuli run outside the scenario's transaction:
 * a workspace's scope has to open before a transaction begins (docs/development.md), and the services open their own.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class TimelineAutomationTests {

    @Autowired
    Workspaces workspaces;
    @Autowired
    Invitations invitations;
    @Autowired
    Campaigns campaigns;
    @Autowired
    CampaignTimelines timelines;
    @Autowired
    PlanningPreferences preferences;
    @Autowired
    CompletedEventPublications completed;
    @Autowired
    JdbcTemplate jdbc;

    /** A new workspace's owner as an actor. */
    private Actor workspace(String name) {
        Workspaces.SignedUp signedUp = workspaces.signUp(new Workspaces.SignUp(name, "Owner of " + name,
                TestWorkspaces.uniqueEmail("owner"), TestWorkspaces.PASSWORD, "UTC"));
        return workspaces.actorFor(signedUp.userId(), signedUp.workspaceId()).orElseThrow();
    }

    private Actor addMember(Actor owner, Role role) {
        String token = as(owner, () -> invitations.invite(TestWorkspaces.uniqueEmail("member"), role).token());
        Invitations.Accepted accepted = invitations.accept(token, "A " + role.label(), TestWorkspaces.PASSWORD, null);
        return workspaces.actorFor(accepted.userId(), accepted.workspaceId()).orElseThrow();
    }

    /** Runs work as the actor in their workspace; the scope opens before any transaction does. */
    private static <T> T as(Actor actor, Supplier<T> work) {
        return CurrentActor.runAs(actor, () -> TenantScope.call(actor.workspaceId(), work));
    }

    private UUID createCampaign(Actor as, String name, CampaignType type, LocalDate end) {
        return as(as, () -> campaigns.create(new CampaignDetails(name, null, type, null, CampaignPriority.HIGH, Set.of(),
                Set.of(), null, end, null, as.userId())).id());
    }

    private Optional<TimelineView> timeline(Actor as, UUID campaignId) {
        return as(as, () -> timelines.find(campaignId));
    }

    /** Whether planning's listener has finished with the campaign's CampaignCreated (the only listener to it). */
    private boolean handled(UUID campaignId) {
        return completed.findAll().stream().anyMatch(publication -> publication.getEvent() instanceof CampaignCreated c
                && c.campaignId().equals(campaignId));
    }

    @Test
    void aNewCampaignGetsItsTimelineFromItsTypesDefault(Scenario scenario) {
        Actor owner = workspace("Automatic");
        Actor manager = addMember(owner, Role.MANAGER);
        LocalDate end = LocalDate.parse("2031-09-30");
        AtomicReference<UUID> campaign = new AtomicReference<>();

        scenario.stimulate(transactions -> { // no transaction around it: the scope must open first
                    campaign.set(createCampaign(manager, "Autumn launch", CampaignType.PRODUCT_LAUNCH, end));
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
        Actor owner = workspace("Other type");
        AtomicReference<UUID> campaign = new AtomicReference<>();

        scenario.stimulate(transactions -> { // no transaction around it: the scope must open first
                    campaign.set(createCampaign(owner, "Odd one", CampaignType.OTHER, LocalDate.parse("2031-09-30")));
                    return campaign.get();
                })
                .andWaitForStateChange(() -> handled(campaign.get()))
                .andVerify(done -> assertThat(timeline(owner, campaign.get())).isEmpty());
    }

    @Test
    void aWorkspaceCanSwitchItOff(Scenario scenario) {
        Actor owner = workspace("Manual planning");
        as(owner, () -> preferences.change(new PlanningSettingsChange(false, 5, 10, 15, 20, List.of()), null));
        AtomicReference<UUID> campaign = new AtomicReference<>();

        scenario.stimulate(transactions -> { // no transaction around it: the scope must open first
                    campaign.set(createCampaign(owner, "Hand-planned", CampaignType.EVENT, LocalDate.parse("2031-05-29")));
                    return campaign.get();
                })
                .andWaitForStateChange(() -> handled(campaign.get()))
                .andVerify(done -> {
                    assertThat(timeline(owner, campaign.get())).isEmpty();
                    // generating by hand still works
                    assertThat(as(owner, () -> timelines.generate(campaign.get(), null, null, false)).items())
                            .isNotEmpty();
                });
    }
}

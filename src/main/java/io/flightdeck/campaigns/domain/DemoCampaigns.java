package io.flightdeck.campaigns.domain;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.campaigns.CampaignPriority;
import io.flightdeck.campaigns.CampaignType;
import io.flightdeck.campaigns.Channel;
import io.flightdeck.identity.DemoDataContributor;
import io.flightdeck.identity.DemoWorkspace;
import io.flightdeck.identity.MemberDirectory;
import io.flightdeck.identity.MemberSummary;
import io.flightdeck.shared.Money;
import io.flightdeck.shared.security.Actor;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Realistic campaigns in several states for the demo workspace, created by its manager through the real service. */
@Component
@Order(10)
class DemoCampaigns implements DemoDataContributor {

    private final Campaigns campaigns;
    private final CampaignLifecycle lifecycle;
    private final MemberDirectory members;
    private final Clock clock;
    /**
     * Moves from MARK_READY on, made after the approvals demo approved what marking ready and launching need. A
     * campaign meant to stay in planning waits in draft until then, so the approvals demo can tell the two apart.
     */
    private final Map<UUID, List<CampaignTransition>> afterApprovals = new LinkedHashMap<>();

    DemoCampaigns(Campaigns campaigns, CampaignLifecycle lifecycle, MemberDirectory members, Clock clock) {
        this.campaigns = campaigns;
        this.lifecycle = lifecycle;
        this.members = members;
        this.clock = clock;
    }

    private record Demo(String name, CampaignType type, CampaignPriority priority, Set<Channel> channels, Set<String> tags,
            int startsInDays, int lastsDays, int budget, List<CampaignTransition> moves, String description, String objective) {
    }

    @Override
    public void contribute(DemoWorkspace workspace) {
        UUID writer = workspace.member(Role.CONTRIBUTOR);
        asManager(workspace, manager -> {
            LocalDate today = LocalDate.now(clock);
            for (Demo demo : demos()) {
                CampaignView created = campaigns.create(new CampaignDetails(demo.name(), demo.description(), demo.type(),
                        demo.objective(), demo.priority(), demo.channels(), demo.tags(), today.plusDays(demo.startsInDays()),
                        today.plusDays(demo.startsInDays() + demo.lastsDays()), new Money(BigDecimal.valueOf(demo.budget()), "EUR"),
                        demo.name().startsWith("Webinar") ? writer : manager.userId()));
                List<CampaignTransition> moves = demo.moves();
                int ready = moves.indexOf(CampaignTransition.MARK_READY);
                List<CampaignTransition> now = ready < 0 ? List.of() : moves.subList(0, ready);
                for (CampaignTransition move : now) {
                    lifecycle.transition(created.id(), move, false, null, null);
                }
                afterApprovals.put(created.id(), moves.subList(now.size(), moves.size()));
            }
        });
    }

    /** The moves that wait for the approvals demo (see {@link AfterApprovals}), and a last campaign in draft. */
    void finish(DemoWorkspace workspace) {
        asManager(workspace, manager -> {
            // demo launches are deliberate: started before their start date on purpose, to show live campaigns
            afterApprovals.forEach((id, moves) -> moves.forEach(move -> lifecycle.transition(id, move, false, null, true, null)));
            afterApprovals.clear();
            campaigns.create(new CampaignDetails("Holiday gift guide", null, CampaignType.SEASONAL_PROMOTION, null,
                    CampaignPriority.LOW, Set.of(), Set.of("q4"), null, null, null, manager.userId()));
        });
    }

    private void asManager(DemoWorkspace workspace, java.util.function.Consumer<MemberSummary> work) {
        MemberSummary manager = members.find(workspace.member(Role.MANAGER)).orElseThrow();
        CurrentActor.runAs(new Actor(manager.userId(), workspace.workspaceId(), Role.MANAGER, manager.email(),
                manager.displayName(), ZoneId.of("Europe/Berlin"), null), () -> {
            work.accept(manager);
            return null;
        });
    }

    /** Runs after the approvals demo (order 20) approved the scopes of the campaigns that go on from planning. */
    @Component
    @Order(30)
    static class AfterApprovals implements DemoDataContributor {

        private final DemoCampaigns demoCampaigns;

        AfterApprovals(DemoCampaigns demoCampaigns) {
            this.demoCampaigns = demoCampaigns;
        }

        @Override
        public void contribute(DemoWorkspace workspace) {
            demoCampaigns.finish(workspace);
        }
    }

    private static List<Demo> demos() {
        var plan = List.of(CampaignTransition.PLAN);
        var ready = List.of(CampaignTransition.PLAN, CampaignTransition.MARK_READY);
        var live = List.of(CampaignTransition.PLAN, CampaignTransition.MARK_READY, CampaignTransition.LAUNCH);
        var paused = List.of(CampaignTransition.PLAN, CampaignTransition.MARK_READY, CampaignTransition.LAUNCH, CampaignTransition.PAUSE);
        var done = List.of(CampaignTransition.PLAN, CampaignTransition.MARK_READY, CampaignTransition.LAUNCH, CampaignTransition.COMPLETE);
        return List.of(
                new Demo("Northwind Cloud 3.0 launch", CampaignType.PRODUCT_LAUNCH, CampaignPriority.URGENT,
                        EnumSet.of(Channel.EMAIL, Channel.LINKEDIN, Channel.TWITTER, Channel.BLOG), Set.of("launch", "q3", "cloud"),
                        -10, 45, 48000, live, "Launch of Northwind Cloud 3.0 to existing customers and mid-market prospects in EMEA.",
                        "2,000 trial sign-ups and 300 sales-qualified leads"),
                new Demo("Summer brand refresh", CampaignType.BRAND_AWARENESS, CampaignPriority.MEDIUM,
                        EnumSet.of(Channel.INSTAGRAM, Channel.FACEBOOK, Channel.YOUTUBE), Set.of("brand", "q3"),
                        -30, 60, 22000, paused, "New visual identity rolled out across social channels with a video series.",
                        "+15% aided brand recall in the post-campaign survey"),
                new Demo("Webinar series: data for marketers", CampaignType.CONTENT_SERIES, CampaignPriority.HIGH,
                        EnumSet.of(Channel.EMAIL, Channel.LINKEDIN), Set.of("webinar", "leads"),
                        14, 56, 9500, ready, "Six monthly webinars with partners on measuring campaign performance.",
                        "1,200 registrations and 40% attendance"),
                new Demo("Partner summit Berlin", CampaignType.EVENT, CampaignPriority.HIGH,
                        EnumSet.of(Channel.EMAIL, Channel.LINKEDIN, Channel.BLOG), Set.of("event", "partners"),
                        40, 3, 65000, plan, "Two-day summit for channel partners with product roadmap and certification tracks.",
                        "250 partner attendees, 80 certifications"),
                new Demo("Spring lead generation push", CampaignType.LEAD_GENERATION, CampaignPriority.MEDIUM,
                        EnumSet.of(Channel.SEARCH_ADS, Channel.LINKEDIN), Set.of("leads", "q2"),
                        -120, 45, 30000, done, "Paid search and LinkedIn lead forms targeting operations managers.",
                        "600 marketing-qualified leads at under 50 EUR each"));
    }
}

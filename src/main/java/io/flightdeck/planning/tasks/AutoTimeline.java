package io.flightdeck.planning.tasks;

import java.time.ZoneOffset;

import io.flightdeck.campaigns.CampaignCreated;
import io.flightdeck.identity.MemberDirectory;
import io.flightdeck.shared.security.Actor;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.tenancy.TenantScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Gives a new campaign its timeline from its type's default template when the workspace has automatic timelines on.
 * It acts as the campaign's creator, so the tasks and the audit log name them. The scope opens before the service's
 * transaction does (see docs/development.md); a second delivery finds the timeline and does nothing.
 */
@Component
class AutoTimeline {

    private static final Logger log = LoggerFactory.getLogger(AutoTimeline.class);

    private final Timelines timelines;
    private final MemberDirectory members;

    AutoTimeline(Timelines timelines, MemberDirectory members) {
        this.timelines = timelines;
        this.members = members;
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(CampaignCreated event) {
        boolean generated = TenantScope.call(event.workspaceId(), () -> members.find(event.actorId())
                .map(m -> CurrentActor.runAs(new Actor(m.userId(), event.workspaceId(), m.role(), m.email(),
                        m.displayName(), ZoneOffset.UTC, null), () -> timelines.generateAutomatically(event.campaignId())))
                .orElseGet(() -> timelines.generateAutomatically(event.campaignId())));
        log.debug("Campaign {} {}", event.campaignId(), generated ? "got its timeline" : "needs no automatic timeline");
    }
}

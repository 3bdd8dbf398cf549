package io.flightdeck.notifications.domain;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.campaigns.CampaignLaunched;
import io.flightdeck.campaigns.CampaignPaused;
import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.planning.TimelineRecalculated;
import io.flightdeck.publishing.PostBlocked;
import io.flightdeck.publishing.PostFailed;
import io.flightdeck.publishing.PostPublished;
import io.flightdeck.rendering.RenderCompleted;
import io.flightdeck.rendering.RenderFailed;
import io.flightdeck.shared.tenancy.TenantScope;
import io.flightdeck.strategy.StrategyRevised;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * What happens to a campaign, told to its owner and its followers (never the person who did it): launched, paused,
 * blocked (a post due and waiting on something a person must clear), its strategy revised, a post published or failed (in doubt and missed included), a render finished or failed, and
 * its plan running late after a recalculation. A campaign that is gone by the time the event is heard tells nobody.
 */
@Component
class CampaignTriggers {

    private final Notifier notifier;
    private final OncePerEvent once;
    private final CampaignDirectory campaigns;
    private final Follows follows;

    CampaignTriggers(Notifier notifier, OncePerEvent once, CampaignDirectory campaigns, Follows follows) {
        this.notifier = notifier;
        this.once = once;
        this.campaigns = campaigns;
        this.follows = follows;
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(CampaignLaunched event) {
        tell(event.workspaceId(), event.campaignId(), c -> NotificationDraft.of(
                "campaign-launched:" + c.id() + ":" + event.at().toEpochMilli(), NotificationTrigger.CAMPAIGN_LAUNCHED,
                c.name() + " is live", "/campaigns/" + c.id(), because(c, "was launched"), "campaign", c.id(), c.id(),
                event.actorId()));
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(CampaignPaused event) {
        tell(event.workspaceId(), event.campaignId(), c -> NotificationDraft.of(
                "campaign-paused:" + c.id() + ":" + event.at().toEpochMilli(), NotificationTrigger.CAMPAIGN_PAUSED,
                c.name() + " was paused: its posts wait", "/campaigns/" + c.id(), because(c, "was paused"), "campaign",
                c.id(), c.id(), event.actorId()));
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(StrategyRevised event) {
        tell(event.workspaceId(), event.campaignId(), c -> NotificationDraft.of(
                "strategy-revised:" + event.strategyId() + ":" + event.version(), NotificationTrigger.STRATEGY_REVISED,
                "The strategy of " + c.name() + " is at version " + event.version(), "/campaigns/" + c.id() + "/strategy",
                because(c, "had its strategy revised"), "strategy", event.strategyId(), c.id(), event.actorId()));
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(PostPublished event) {
        // a post that failed and went out on a retry: its alarm says so and stops ringing
        TenantScope.run(event.workspaceId(), () -> notifier.settle("channel-post", event.channelPostId(),
                NotificationTrigger.POST_FAILED, "It went out on " + event.channel().label() + " after all."));
        tell(event.workspaceId(), event.campaignId(), c -> NotificationDraft.of(
                "post-published:" + event.channelPostId(), NotificationTrigger.POST_PUBLISHED,
                "Published on " + event.channel().label() + " for " + c.name(), "/campaigns/" + c.id() + "/tabs/posts",
                because(c, "published a post"), "channel-post", event.channelPostId(), c.id(), null));
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(PostFailed event) {
        String what = switch (event.status()) {
            case "IN_DOUBT" -> "may or may not have gone out on ";
            case "MISSED" -> "missed its time on ";
            default -> "failed on ";
        };
        tell(event.workspaceId(), event.campaignId(), c -> NotificationDraft.of(
                "post-failed:" + event.channelPostId() + ":" + event.status() + ":" + event.at().toEpochMilli(),
                NotificationTrigger.POST_FAILED, "A post of " + c.name() + " " + what + event.channel().label(),
                "/social/dead-letter", because(c, "has a post that needs you"), "channel-post",
                event.channelPostId(), c.id(), null).withBody(event.errorMessage()));
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(PostBlocked event) {
        tell(event.workspaceId(), event.campaignId(), c -> NotificationDraft.of(
                "post-blocked:" + event.channelPostId() + ":" + event.at().toEpochMilli(),
                NotificationTrigger.CAMPAIGN_BLOCKED, c.name() + " is blocked: “" + event.postTitle() + "” cannot go out on "
                        + event.channel().label(), event.fixLink() != null ? event.fixLink() : "/campaigns/" + c.id() + "/tabs/posts",
                because(c, "has a post waiting on you"), "channel-post", event.channelPostId(), c.id(), null)
                .withBody(String.join(" ", event.reasons())));
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(RenderCompleted event) {
        tell(event.workspaceId(), event.campaignId(), c -> NotificationDraft.of("render-finished:" + event.jobId(),
                NotificationTrigger.RENDER_FINISHED, "A render for " + c.name() + " is ready", "/render-jobs/" + event.jobId(),
                because(c, "finished a render"), "render-job", event.jobId(), c.id(), null));
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(RenderFailed event) {
        tell(event.workspaceId(), event.campaignId(), c -> NotificationDraft.of("render-failed:" + event.jobId(),
                NotificationTrigger.RENDER_FAILED, "A render for " + c.name() + " failed", "/render-jobs/" + event.jobId(),
                because(c, "has a failed render"), "render-job", event.jobId(), c.id(), null).withBody(event.errorMessage()));
    }

    /** A recalculated plan that ends after the campaign's end date: the critical path is late. */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(TimelineRecalculated event) {
        if (event.overrunDays() <= 0) {
            return;
        }
        tell(event.workspaceId(), event.campaignId(), c -> NotificationDraft.of(
                "plan-late:" + event.timelineId() + ":" + event.at().toEpochMilli(), NotificationTrigger.PLAN_LATE,
                "The plan of " + c.name() + " now ends " + event.overrunDays() + " day" + (event.overrunDays() == 1 ? "" : "s")
                        + " late", "/campaigns/" + c.id() + "/timeline", because(c, "has a plan running late"), "timeline",
                event.timelineId(), c.id(), null).withBody("The critical path ends on " + event.endDate() + "."));
    }

    /** The owner and the followers each hear why: one draft for the owner, one for the others. */
    private void tell(UUID workspaceId, UUID campaignId, Function<CampaignSnapshot, NotificationDraft> draft) {
        if (campaignId == null) {
            return;
        }
        TenantScope.run(workspaceId, () -> once.run(() -> campaigns.find(campaignId).ifPresent(c -> {
            NotificationDraft told = draft.apply(c);
            Map<UUID, String> reasons = new HashMap<>();
            follows.followers(c.id()).forEach(follower -> reasons.put(follower, "You follow " + told.reason()));
            if (c.ownerId() != null) {
                reasons.put(c.ownerId(), "You own " + told.reason());
            }
            notifier.notify(told, reasons);
        })));
    }

    /** The reason after “You own” or “You follow”: the campaign and what happened to it. */
    private static String because(CampaignSnapshot c, String what) {
        return c.name() + ", which " + what + ".";
    }
}

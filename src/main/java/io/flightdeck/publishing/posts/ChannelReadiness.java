package io.flightdeck.publishing.posts;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.campaigns.ReadinessCheck;
import io.flightdeck.campaigns.ReadinessItem;
import io.flightdeck.campaigns.ReadinessSubject;
import io.flightdeck.publishing.channels.ChannelAccountView;
import io.flightdeck.publishing.channels.ChannelAccounts;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The accounts a campaign publishes to, as one readiness item: blocking while any account its unsent posts go to is
 * broken or disconnected (its posts would only wait). A campaign with no posts yet gets no item. It weighs nothing
 * in the score: a blocking item refuses the launch anyway.
 */
@Component
@Order(70)
class ChannelReadiness implements ReadinessCheck {

    private final ChannelPostRepository posts;
    private final ChannelAccounts accounts;

    ChannelReadiness(ChannelPostRepository posts, ChannelAccounts accounts) {
        this.posts = posts;
        this.accounts = accounts;
    }

    @Override
    public List<ReadinessItem> check(CampaignSnapshot campaign) {
        List<UUID> used = posts.accountsOf(campaign.id(), EnumSet.of(ChannelPostStatus.SCHEDULED,
                ChannelPostStatus.FAILED, ChannelPostStatus.MISSED));
        if (used.isEmpty()) {
            return List.of();
        }
        Map<UUID, ChannelAccountView> found = accounts.find(used);
        List<String> broken = used.stream().map(found::get)
                .filter(a -> a == null || !a.canPost())
                .map(a -> a == null ? "a deleted account" : a.displayName() + (a.disconnected() ? " (disconnected)"
                        : " (" + (a.healthReason() == null ? "broken" : a.healthReason()) + ")"))
                .toList();
        boolean ok = broken.isEmpty();
        // a deleted account has nothing left to open; its posts are moved from the campaign's queue instead
        List<ReadinessSubject> subjects = used.stream().map(found::get).filter(a -> a != null && !a.canPost())
                .map(a -> ReadinessSubject.of("channel-account", a.id(), a.displayName(), "/channels")).toList();
        return List.of(new ReadinessItem("publishing.channels", "Accounts it posts to can post", ok, 0, true,
                ok ? "Every account its posts go to is connected" : "Connect again: " + String.join(", ", broken),
                "/channels").withAction("Reconnect the accounts or move their posts").about(subjects));
    }
}

package io.flightdeck.publishing.posts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.approvals.ApprovalGate;
import io.flightdeck.approvals.PublishBlocker;
import io.flightdeck.assets.AssetDirectory;
import io.flightdeck.assets.AssetUsage;
import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.campaigns.CampaignStatus;
import io.flightdeck.campaigns.Channel;
import io.flightdeck.publishing.channels.ChannelAccountView;
import io.flightdeck.publishing.channels.ChannelAdapter;
import io.flightdeck.publishing.channels.ChannelAdapters;
import org.springframework.stereotype.Component;

/**
 * What must hold before a post goes out, checked at the moment it is due: the campaign is active, its content and
 * schedule scopes are approved, the account can post, the network takes the post's media as they are (its preflight),
 * and no attached asset's rights have ended (or exclude the channel). Anything else is a blocker the post waits on, listed for a person.
 */
@Component
class PostGate {

    /** The approval scopes a social post needs; strategy and ads are someone else's gate. */
    static final Set<String> SCOPES = Set.of("content", "schedule");

    private final CampaignDirectory campaigns;
    private final ApprovalGate approvals;
    private final AssetDirectory assets;
    private final PostReviews reviews;
    private final ChannelAdapters adapters;
    private final OutgoingPosts outgoing;

    PostGate(CampaignDirectory campaigns, ApprovalGate approvals, AssetDirectory assets, PostReviews reviews,
            ChannelAdapters adapters, OutgoingPosts outgoing) {
        this.campaigns = campaigns;
        this.approvals = approvals;
        this.assets = assets;
        this.reviews = reviews;
        this.adapters = adapters;
        this.outgoing = outgoing;
    }

    /** What holds every post of the campaign: its status and its content and schedule approvals. */
    List<PostBlocker> campaignBlockers(UUID campaignId) {
        List<PostBlocker> blockers = new ArrayList<>();
        CampaignSnapshot campaign = campaigns.find(campaignId).orElse(null);
        if (campaign == null) {
            blockers.add(new PostBlocker("campaign-gone", "The campaign was deleted.", "/campaigns"));
            return blockers;
        }
        String campaignLink = "/campaigns/" + campaignId;
        if (campaign.status() == CampaignStatus.PAUSED) {
            blockers.add(new PostBlocker("campaign-paused", "The campaign is paused.", campaignLink));
        } else if (campaign.status() != CampaignStatus.ACTIVE) {
            blockers.add(new PostBlocker("campaign-not-active", "The campaign is " + campaign.status().label().toLowerCase()
                    + ", not active: posts go out once it is launched.", campaignLink));
        }
        for (PublishBlocker b : approvals.check(campaignId).blockers()) {
            if (SCOPES.contains(b.scope())) {
                blockers.add(new PostBlocker("approval:" + b.scope(), b.message(), campaignLink + "/approvals"));
            }
        }
        return blockers;
    }

    /**
     * The blockers of one channel post; empty when it may go. Besides the campaign's own, the post waits on the review
     * of exactly what it carries (its creative revision, and its own revision in the schedule review).
     *
     * @param post    the post the channel's post belongs to
     * @param account null: it was disconnected
     */
    List<PostBlocker> check(ChannelPost channelPost, SocialPost post, ChannelAccountView account, Instant now) {
        List<PostBlocker> blockers = campaignBlockers(channelPost.getCampaignId());
        if (blockers.stream().anyMatch(b -> b.key().equals("campaign-gone"))) {
            return blockers;
        }
        blockers.addAll(reviews.blockers(channelPost, post));
        Channel channel = channelPost.getChannel();
        Collection<UUID> mediaAssetIds = channelPost.getCopy().mediaAssetIds();
        if (account == null || account.disconnected()) {
            blockers.add(new PostBlocker("channel-disconnected", "The account was disconnected: choose another.",
                    "/channels"));
        } else if (!account.canPost()) {
            blockers.add(new PostBlocker("channel-health", account.displayName() + " is broken: "
                    + (account.healthReason() == null ? "connect it again." : account.healthReason()),
                    "/channels/" + account.id()));
        }
        if (account != null && !account.disconnected()) {
            blockers.addAll(preflight(channelPost, account));
        }
        if (!mediaAssetIds.isEmpty()) {
            LocalDate today = LocalDate.ofInstant(now, account == null ? java.time.ZoneOffset.UTC
                    : java.time.ZoneId.of(account.timeZone()));
            Map<UUID, AssetUsage> usage = assets.usage(mediaAssetIds);
            for (UUID id : mediaAssetIds) {
                AssetUsage u = usage.get(id);
                if (u == null) {
                    blockers.add(new PostBlocker("asset-missing:" + id, "An attached asset was deleted.", "/assets"));
                } else if (!u.usableOn(channel, today)) {
                    String why = u.rightsExpireOn() != null && today.isAfter(u.rightsExpireOn())
                            ? "The rights to “" + u.name() + "” ended on " + u.rightsExpireOn() + "."
                            : "The licence of “" + u.name() + "” does not allow " + channel.label() + ".";
                    blockers.add(new PostBlocker("asset-rights:" + id, why, "/assets/" + id));
                }
            }
        }
        return blockers;
    }

    /** What the account's network would refuse in the post (a PNG where it takes JPEG only), before anything is sent. */
    private List<PostBlocker> preflight(ChannelPost channelPost, ChannelAccountView account) {
        ChannelAdapter adapter = adapters.find(account.network()).orElse(null);
        if (adapter == null) {
            return List.of();
        }
        List<String> problems = adapter.preflight(outgoing.of(channelPost));
        List<PostBlocker> blockers = new ArrayList<>();
        for (int i = 0; i < problems.size(); i++) {
            blockers.add(new PostBlocker("preflight:" + i, account.networkName() + " would refuse it: "
                    + problems.get(i), "/campaigns/" + channelPost.getCampaignId() + "/compose"));
        }
        return blockers;
    }
}

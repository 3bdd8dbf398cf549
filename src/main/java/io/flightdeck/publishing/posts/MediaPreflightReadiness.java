package io.flightdeck.publishing.posts;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.campaigns.ReadinessCheck;
import io.flightdeck.campaigns.ReadinessItem;
import io.flightdeck.campaigns.ReadinessSubject;
import io.flightdeck.publishing.channels.ChannelAccountView;
import io.flightdeck.publishing.channels.ChannelAccounts;
import io.flightdeck.publishing.channels.ChannelAdapter;
import io.flightdeck.publishing.channels.ChannelAdapters;
import io.flightdeck.publishing.channels.OutgoingPost;
import io.flightdeck.publishing.channels.SandboxChannel;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The media of the campaign's scheduled posts against each network's rules (format, codec, duration, aspect ratio,
 * an audio stream, size, JPEG rather than PNG), from the measured facts, before launch rather than as a refusal at
 * the post's time: blocking while any post would be refused, each problem with its fix. A campaign whose networks
 * check nothing (the sandbox) gets no item.
 */
@Component
@Order(72)
class MediaPreflightReadiness implements ReadinessCheck {

    private final ChannelPostRepository posts;
    private final ChannelAccounts accounts;
    private final ChannelAdapters adapters;
    private final OutgoingPosts outgoing;

    MediaPreflightReadiness(ChannelPostRepository posts, ChannelAccounts accounts, ChannelAdapters adapters,
            OutgoingPosts outgoing) {
        this.posts = posts;
        this.accounts = accounts;
        this.adapters = adapters;
        this.outgoing = outgoing;
    }

    @Override
    public List<ReadinessItem> check(CampaignSnapshot campaign) {
        List<ChannelPost> scheduled = posts.findByCampaignIdAndStatus(campaign.id(), ChannelPostStatus.SCHEDULED);
        Map<UUID, ChannelAccountView> found = accounts.find(scheduled.stream().map(ChannelPost::getAccountId)
                .distinct().toList());
        List<ChannelPost> checked = scheduled.stream().filter(p -> checks(found.get(p.getAccountId()))).toList();
        if (checked.isEmpty()) {
            return List.of();
        }
        List<OutgoingPost> attempts = outgoing.forChecks(checked);
        Set<String> problems = new LinkedHashSet<>();
        List<ReadinessSubject> subjects = new ArrayList<>();
        for (int i = 0; i < checked.size(); i++) {
            ChannelAccountView account = found.get(checked.get(i).getAccountId());
            List<String> refused = adapter(account).preflight(attempts.get(i));
            if (!refused.isEmpty()) {
                refused.forEach(r -> problems.add(account.networkName() + ": " + r));
                OutgoingPost attempt = attempts.get(i);
                attempt.media().forEach(m -> subjects.add(ReadinessSubject.of("asset", m.assetId(), m.fileName(),
                        "/assets/" + m.assetId())));
            }
        }
        boolean ok = problems.isEmpty();
        return List.of(new ReadinessItem("publishing.media", "Each network takes the posts' media", ok, 0, true,
                ok ? "Every scheduled post's media meets its network's rules" : String.join(" ", problems),
                "/campaigns/" + campaign.id() + "/compose").withAction("Replace or convert the media named")
                .about(subjects.stream().distinct().toList()));
    }

    /** Whether the account's network has rules to check (the sandbox has none). */
    private boolean checks(ChannelAccountView account) {
        return account != null && account.canPost() && !SandboxChannel.NETWORK.equals(account.network())
                && adapter(account) != null;
    }

    private ChannelAdapter adapter(ChannelAccountView account) {
        return adapters.find(account.network()).orElse(null);
    }
}

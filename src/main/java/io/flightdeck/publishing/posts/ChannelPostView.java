package io.flightdeck.publishing.posts;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.campaigns.Channel;
import io.flightdeck.publishing.channels.ChannelAccountView;
import org.jspecify.annotations.Nullable;

/**
 * A post on one channel as people see it.
 *
 * @param accountName    the account's name (kept for a disconnected account)
 * @param creativeVersion the creative's version (revision) whose copy this is: its content review approves it
 * @param nextAttemptAt  when a failed attempt is retried; null when none is waiting
 * @param blockers       what it waits on now; empty when nothing holds it
 * @param removedFromNetworkAt when the network said the published post was removed there; null while it is there
 */
public record ChannelPostView(UUID id, UUID postId, UUID campaignId, UUID accountId, String accountName, String network,
        Channel channel, String channelLabel, @Nullable UUID creativeId, @Nullable Integer creativeVersion, String text,
        @Nullable String firstComment, List<UUID> mediaAssetIds, Instant scheduledAt, PlannedBy plannedBy,
        ChannelPostStatus status, String statusLabel, int attempt, int retryCount, int maxRetries,
        @Nullable Instant nextAttemptAt, @Nullable String externalId, @Nullable String externalUrl,
        @Nullable Instant publishedAt, @Nullable Instant removedFromNetworkAt, @Nullable String errorCode,
        @Nullable String errorMessage,
        List<PostBlocker> blockers, @Nullable Instant blockedSince, List<PostLogLine> log, Instant updatedAt,
        long version, Map<String, String> networkOptions) {

    static ChannelPostView of(ChannelPost p, ChannelAccountView account) {
        return new ChannelPostView(p.getId(), p.getPostId(), p.getCampaignId(), p.getAccountId(),
                account == null ? "A deleted account" : account.displayName(), account == null ? null : account.network(),
                p.getChannel(), p.getChannel().label(), p.getCopy().creativeId(), p.getCopy().creativeRevision(),
                p.getCopy().text(), p.getCopy().firstComment(), List.copyOf(p.getCopy().mediaAssetIds()),
                p.getScheduledAt(), p.getPlannedBy(), p.getStatus(), label(p), p.getRetries().attempt(),
                p.getRetries().made(), p.getRetries().allowed(), p.getRetries().nextAt(), p.getExternalId(),
                p.getExternalUrl(), p.getPublishedAt(), p.getRemovedFromNetworkAt(),
                p.getErrorCode(), p.getErrorMessage(), List.copyOf(p.getBlockers()), p.getBlockedSince(),
                List.copyOf(p.getLog()), p.getUpdatedAt(), p.getVersion(), Map.copyOf(p.getCopy().networkOptions()));
    }

    /** "Waiting" for a scheduled post held by blockers, "Retrying" for one waiting to retry; the status otherwise. */
    private static String label(ChannelPost p) {
        if (p.getStatus() == ChannelPostStatus.SCHEDULED && !p.getBlockers().isEmpty()) {
            return "Waiting";
        }
        if (p.getStatus() == ChannelPostStatus.SCHEDULED && p.getRetries().nextAt() != null) {
            return "Retrying";
        }
        return p.getStatus().label();
    }

    public boolean waiting() {
        return status == ChannelPostStatus.SCHEDULED && !blockers.isEmpty();
    }
}

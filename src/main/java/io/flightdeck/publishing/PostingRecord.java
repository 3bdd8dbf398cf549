package io.flightdeck.publishing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.flightdeck.analytics.SimulatedNumbers;
import io.flightdeck.publishing.channels.SandboxChannel;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules (guidance's recommendations) read of the current workspace's posts on the networks: when its
 * published posts went out with the clicks the networks reported for them, and one campaign's posts per channel
 * with their state. One query each.
 */
@Service
public class PostingRecord {

    private final JdbcClient jdbc;
    private final SimulatedNumbers simulated;

    PostingRecord(JdbcClient jdbc, SimulatedNumbers simulated) {
        this.jdbc = jdbc;
        this.simulated = simulated;
    }

    /** A published post: when it went out and its clicks so far (0 before the network reported any). */
    public record PublishedPost(Instant publishedAt, long clicks) {
    }

    /**
     * A campaign's post on one channel.
     *
     * @param channel    the channel's name ({@code FACEBOOK})
     * @param status     its state ({@code SCHEDULED}, {@code PUBLISHED}, {@code FAILED}, {@code IN_DOUBT}, ...)
     * @param creativeId the creative it posts, or null
     * @param error      what the network or the scheduler said when it failed, or null
     */
    public record CampaignPost(UUID id, String channel, String status, Instant scheduledAt, UUID creativeId,
            String error) {
    }

    /**
     * The workspace's posts published at or after {@code since} (every campaign), oldest first. The sandbox's posts
     * are left out (their clicks are made up: {@link SimulatedNumbers}), except in the demo workspace.
     */
    @Transactional(readOnly = true)
    public List<PublishedPost> publishedSince(Instant since) {
        String measured = simulated.steerGuidance() ? "" : " and a.network <> '" + SandboxChannel.NETWORK + "'";
        return jdbc.sql("select c.published_at, coalesce(n.clicks, 0) from channel_posts c"
                + " join channel_accounts a on a.id = c.account_id"
                + " left join channel_post_metrics n on n.channel_post_id = c.id"
                + " where c.tenant_id = ? and c.status = 'PUBLISHED' and c.published_at >= ?" + measured
                + " order by c.published_at")
                .params(TenantScope.require(), Timestamp.from(since))
                .query((r, i) -> new PublishedPost(r.getTimestamp(1).toInstant(), r.getLong(2))).list();
    }

    /** Every post of the campaign on every channel, by time. */
    @Transactional(readOnly = true)
    public List<CampaignPost> ofCampaign(UUID campaignId) {
        return jdbc.sql("select id, channel, status, scheduled_at, creative_id, error_message from channel_posts"
                + " where tenant_id = ? and campaign_id = ? order by scheduled_at, id")
                .params(TenantScope.require(), campaignId)
                .query((r, i) -> new CampaignPost(r.getObject(1, UUID.class), r.getString(2), r.getString(3),
                        r.getTimestamp(4).toInstant(), r.getObject(5, UUID.class), r.getString(6))).list();
    }
}

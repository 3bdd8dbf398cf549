package io.flightdeck.publishing.posts;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.flightdeck.analytics.NumbersOnTheWay;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * When a campaign's posts' numbers come, for a dashboard that has none yet: published posts whose first look is due
 * (a few minutes after they went out, {@link PostNumbers#FIRST_LOOK}), or else the first post still to go out.
 */
@Component
class PostNumbersOnTheWay implements NumbersOnTheWay {

    private final JdbcClient jdbc;

    PostNumbersOnTheWay(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Arrival> next(UUID campaignId) {
        UUID tenant = TenantScope.require();
        Waiting first = jdbc.sql("select count(*), min(n.next_fetch_at) from channel_post_metrics n"
                + " join channel_posts c on c.id = n.channel_post_id"
                + " where c.tenant_id = ? and c.campaign_id = ? and n.fetched_at is null")
                .params(tenant, campaignId)
                .query((r, i) -> new Waiting(r.getLong(1), instant(r.getTimestamp(2)))).single();
        if (first.count() > 0) {
            return Optional.of(new Arrival(first.count() == 1 ? "The first numbers of a published post"
                    : "The first numbers of " + first.count() + " published posts", first.at()));
        }
        Waiting scheduled = jdbc.sql("select count(*), min(scheduled_at) from channel_posts"
                + " where tenant_id = ? and campaign_id = ? and status in ('SCHEDULED', 'PUBLISHING')")
                .params(tenant, campaignId)
                .query((r, i) -> new Waiting(r.getLong(1), instant(r.getTimestamp(2)))).single();
        if (scheduled.count() > 0) {
            return Optional.of(new Arrival("Post numbers, a few minutes after the first of " + scheduled.count()
                    + (scheduled.count() == 1 ? " scheduled post" : " scheduled posts") + " goes out", null));
        }
        return Optional.empty();
    }

    private record Waiting(long count, Instant at) {
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}

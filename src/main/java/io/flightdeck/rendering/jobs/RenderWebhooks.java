package io.flightdeck.rendering.jobs;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.flightdeck.rendering.RenderProvider;
import io.flightdeck.rendering.RenderProvider.WebhookUpdate;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Provider callbacks. The provider verifies the delivery's signature first (a bad or stale one is refused before
 * anything is read or written); the job is then found by the provider's id for it, which is how the workspace is
 * known (a webhook has no signed-in user). A delivery id seen before changes nothing: providers resend a delivery
 * until they get a 2xx, and may send one twice.
 */
@Service
public class RenderWebhooks {

    /** What became of a delivery, for the answer and the log. */
    public enum Outcome { APPLIED, DUPLICATE, UNKNOWN_JOB, IGNORED }

    private final RenderProviders providers;
    private final RenderJobRepository jobs;
    private final RenderJobs renderJobs;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    RenderWebhooks(RenderProviders providers, RenderJobRepository jobs, RenderJobs renderJobs, JdbcClient jdbc,
            TransactionTemplate transactions, Clock clock) {
        this.providers = providers;
        this.jobs = jobs;
        this.renderJobs = renderJobs;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Outcome receive(String providerName, Map<String, String> headers, byte[] body) {
        RenderProvider provider = providers.find(providerName).orElseThrow(() -> new NotFoundException("Render provider"));
        Optional<WebhookUpdate> update = provider.handleWebhook(headers, body);
        if (update.isEmpty()) {
            return Outcome.IGNORED;
        }
        WebhookUpdate u = update.get();
        Optional<RenderJob> owner = TenantScope.system("render webhook: find the job by the provider's id",
                () -> transactions.execute(status -> jobs.findByProviderAndProviderJobId(provider.name(), u.providerJobId())));
        if (owner.isEmpty()) {
            return Outcome.UNKNOWN_JOB;
        }
        UUID workspaceId = owner.get().getTenantId();
        UUID jobId = owner.get().getId();
        return TenantScope.call(workspaceId, () -> {
            try {
                return transactions.execute(status -> {
                    if (!firstDelivery(provider.name(), u.deliveryId())) {
                        return Outcome.DUPLICATE;
                    }
                    renderJobs.applyWebhook(jobId, u.status());
                    return Outcome.APPLIED;
                });
            } catch (DuplicateKeyException raced) {
                return Outcome.DUPLICATE;
            }
        });
    }

    /** Remembers the delivery; false when it was seen before. Delivery ids are the provider's, across workspaces. */
    private boolean firstDelivery(String provider, String deliveryId) {
        boolean seen = jdbc.sql("select count(*) from render_webhook_deliveries where provider = ? and delivery_id = ?")
                .params(provider, deliveryId).query(Long.class).single() > 0;
        if (seen) {
            return false;
        }
        jdbc.sql("insert into render_webhook_deliveries (provider, delivery_id, received_at) values (?, ?, ?)")
                .params(provider, deliveryId, java.sql.Timestamp.from(clock.instant())).update();
        return true;
    }
}

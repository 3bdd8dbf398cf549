package io.flightdeck.rendering.jobs;

import java.util.Optional;
import java.util.UUID;

import io.flightdeck.rendering.jobs.RenderProvider.WebhookUpdate;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.tenancy.TenantScope;
import io.flightdeck.shared.webhooks.WebhookDeliveries;
import io.flightdeck.shared.webhooks.WebhookRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Provider callbacks, through the webhook kit. The provider verifies the delivery's signature first (a bad or stale
 * one is refused before anything is read or written); the job is then found by the provider's id for it, which is how
 * the workspace is known (a webhook has no signed-in user). A delivery id seen before changes nothing
 * ({@link WebhookDeliveries}, keyed by the provider's name): providers resend a delivery until they get a 2xx, and may
 * send one twice.
 */
@Service
public class RenderWebhooks {

    /** What became of a delivery, for the answer and the log. */
    public enum Outcome { APPLIED, DUPLICATE, UNKNOWN_JOB, IGNORED }

    private final RenderProviders providers;
    private final RenderJobRepository jobs;
    private final RenderJobs renderJobs;
    private final WebhookDeliveries deliveries;
    private final TransactionTemplate transactions;

    RenderWebhooks(RenderProviders providers, RenderJobRepository jobs, RenderJobs renderJobs,
            WebhookDeliveries deliveries, TransactionTemplate transactions) {
        this.providers = providers;
        this.jobs = jobs;
        this.renderJobs = renderJobs;
        this.deliveries = deliveries;
        this.transactions = transactions;
    }

    public Outcome receive(String providerName, WebhookRequest delivery) {
        RenderProvider provider = providers.find(providerName).orElseThrow(() -> new NotFoundException("Render provider"));
        Optional<WebhookUpdate> update = provider.handleWebhook(delivery.headers(), delivery.body());
        if (update.isEmpty()) {
            return Outcome.IGNORED;
        }
        WebhookUpdate u = update.get();
        Optional<RenderJob> owner = TenantScope.system("render webhook: find the job by the provider's id",
                () -> transactions.execute(status -> jobs.findByProviderAndProviderJobId(provider.name(), u.providerJobId())));
        if (owner.isEmpty()) {
            return Outcome.UNKNOWN_JOB;
        }
        UUID jobId = owner.get().getId();
        boolean applied = TenantScope.call(owner.get().getTenantId(),
                () -> deliveries.once(provider.name(), u.deliveryId(), () -> renderJobs.applyWebhook(jobId, u.status())));
        return applied ? Outcome.APPLIED : Outcome.DUPLICATE;
    }
}

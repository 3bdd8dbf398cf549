package io.flightdeck.email.sending;

import java.time.Clock;

import io.flightdeck.approvals.ApprovalDecided;
import io.flightdeck.approvals.ApprovalState;
import io.flightdeck.shared.jobs.Jobs;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An email's approval given: a send that waits for it looks at its gate now rather than at its next recheck. The
 * send reads the approval afresh, so a late or repeated delivery of an earlier decision cannot let anything out.
 */
@Component
class EmailApprovalFollower {

    private final EmailCampaignRepository emails;
    private final Jobs jobs;
    private final TransactionTemplate transactions;
    private final Clock clock;

    EmailApprovalFollower(EmailCampaignRepository emails, Jobs jobs, TransactionTemplate transactions, Clock clock) {
        this.emails = emails;
        this.jobs = jobs;
        this.transactions = transactions;
        this.clock = clock;
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(ApprovalDecided event) {
        if (event.state() != ApprovalState.APPROVED || !EmailReviews.SCOPE.equals(event.scopeKey())
                || !EmailReviews.ITEM_TYPE.equals(event.itemType())) {
            return;
        }
        TenantScope.run(event.workspaceId(), () -> transactions.executeWithoutResult(status ->
                emails.findById(event.itemId())
                        .filter(e -> e.status() == EmailCampaignStatus.SCHEDULED
                                || e.status() == EmailCampaignStatus.SENDING)
                        .ifPresent(e -> jobs.wake(SendJobs.SEND, event.workspaceId(), e.getId(), clock.instant()))));
    }
}

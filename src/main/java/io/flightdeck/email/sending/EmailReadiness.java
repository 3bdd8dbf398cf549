package io.flightdeck.email.sending;

import java.util.List;
import java.util.UUID;

/**
 * Whether an email may be sent now: its checklist, item by item, and the blockers in words (empty when ready).
 */
public record EmailReadiness(UUID emailId, boolean ready, List<EmailReadinessItem> items, List<String> blockers) {

    static EmailReadiness of(UUID emailId, List<EmailReadinessItem> items) {
        List<String> blockers = items.stream().filter(EmailReadinessItem::blocked).map(EmailReadinessItem::detail)
                .toList();
        return new EmailReadiness(emailId, blockers.isEmpty(), List.copyOf(items), blockers);
    }

    /** The blockers that stop a send from being scheduled: all but those a scheduled send waits for. */
    List<String> schedulingBlockers() {
        return items.stream().filter(i -> i.blocked() && !i.waitsWhenScheduled()).map(EmailReadinessItem::detail)
                .toList();
    }
}

package io.flightdeck.approvals.domain;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.bulk.BulkAction;
import io.flightdeck.shared.bulk.BulkParams;
import io.flightdeck.shared.bulk.BulkTargetSupport;
import io.flightdeck.shared.security.Role;
import org.springframework.stereotype.Component;

/**
 * Approvals for bulk operations: approve and reject, each through {@link ApprovalVoting} exactly as a single decision
 * is taken, as the member who asked. So routing, delegation, quorum, separation of duties and the state machine all
 * apply per item: an approval whose stage is not routed to the person, or that is not waiting, fails with that reason.
 * A decision is recorded in the approval's history as the person's own and is acted on at once (a stage opens, a post
 * may go out), so neither action can be undone: there is no way to withdraw a decision once taken.
 */
@Component
class ApprovalBulkTarget extends BulkTargetSupport {

    static final String APPROVE = "approve";
    static final String REJECT = "reject";

    // the role floor keeps viewers out up front; who may decide each item is the routing's call, as for one decision
    private static final List<BulkAction> ACTIONS = List.of(
            new BulkAction(APPROVE, "Approve", Role.CONTRIBUTOR, List.of("comment"), false),
            new BulkAction(REJECT, "Reject", Role.CONTRIBUTOR, List.of("comment"), false));

    private final ApprovalVoting voting;
    private final ApprovalRepository approvals;

    ApprovalBulkTarget(ApprovalVoting voting, ApprovalRepository approvals) {
        super("approvals", "Approvals", null, ACTIONS);
        this.voting = voting;
        this.approvals = approvals;
    }

    @Override
    public void check(String action, BulkParams params) {
        // a single reject needs a reason; refusing here keeps a bulk reject from failing every item the same way
        if (REJECT.equals(action) && (params.comment() == null || params.comment().isBlank())) {
            throw new InvalidInputException("params.comment",
                    "must say why they are rejected, so the requesters can address it");
        }
    }

    @Override
    public String name(UUID id) {
        return approvals.findById(id).map(Approval::getTitle).orElse(null);
    }

    @Override
    public Map<UUID, String> names(Collection<UUID> ids) {
        return namesOf(approvals.findAllById(ids), Approval::getId, Approval::getTitle);
    }

    @Override
    public Map<String, String> apply(UUID id, String action, BulkParams params) {
        ApprovalView after = switch (action) {
            case APPROVE -> voting.approve(id, params.comment());
            case REJECT -> voting.reject(id, params.comment());
            default -> throw new InvalidInputException("action", "approvals have no action " + action);
        };
        return Map.of("state", String.valueOf(after.state()));
    }

    @Override
    public void undo(UUID id, String action, Map<String, String> restore) {
        throw new ConflictException("not-undoable", "A decision stays once recorded; it cannot be undone");
    }
}

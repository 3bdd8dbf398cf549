package io.flightdeck.approvals.domain;

import java.util.UUID;

/**
 * Who acts on an approval: a member (perhaps for a member who delegated to them), an external reviewer through a
 * link, or the system (auto-approval, escalation). {@code label} is what the history shows.
 */
record Voter(UUID userId, UUID onBehalfOf, UUID reviewerLinkId, String label) {

    static Voter member(UUID userId, String name) {
        return new Voter(userId, null, null, name);
    }

    static Voter delegate(UUID userId, String name, UUID delegatorId, String delegatorName) {
        return new Voter(userId, delegatorId, null, name + " for " + delegatorName);
    }

    static Voter external(UUID linkId, String name) {
        return new Voter(null, null, linkId, name + " (external reviewer)");
    }

    static Voter system(String label) {
        return new Voter(null, null, null, label);
    }
}

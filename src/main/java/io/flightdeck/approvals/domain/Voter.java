package io.flightdeck.approvals.domain;

import java.util.List;
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

    /** Whether one of these votes (a stage's, or null for none) already counts as this voter's. */
    boolean votedIn(List<ApprovalVote> stageVotes) {
        UUID countsAs = onBehalfOf != null ? onBehalfOf : userId != null ? userId : reviewerLinkId;
        return stageVotes != null && countsAs != null && stageVotes.stream().anyMatch(v -> countsAs.equals(v.countsAs()));
    }
}

package io.flightdeck.notifications.slack;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.function.Function;

import io.flightdeck.approvals.ApprovalDecisions;
import io.flightdeck.approvals.ApprovalDecisions.Decision;
import io.flightdeck.identity.MemberDirectory;
import io.flightdeck.identity.MemberSummary;

/** An approval's Slack messages from its current round: the request with its buttons, decided, or out of date. */
public final class SlackBlocksFor {

    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private SlackBlocksFor() {
    }

    /** The facts a message shows: what, which version, due when, asked by whom. */
    public static SlackBlocks.Facts facts(ApprovalDecisions.Round round, MemberDirectory members, URI link) {
        String requester = round.requesterId() == null ? null
                : members.find(round.requesterId()).map(MemberSummary::displayName).orElse("a former member");
        return new SlackBlocks.Facts(round.title(), round.revision() == null ? null : String.valueOf(round.revision()),
                round.dueAt() == null ? null : DUE.format(round.dueAt()), requester, link, round.about());
    }

    /** The request, with the buttons whose value names the workspace, the approval and its round. */
    public static SlackBlocks.Message request(UUID workspaceId, ApprovalDecisions.Round round, SlackBlocks.Facts facts) {
        return SlackBlocks.approvalRequest(facts, SlackClick.value(workspaceId, round.approvalId(), round.round()));
    }

    static Function<SlackBlocks.Facts, SlackBlocks.Message> decided(Decision decision, String who, Instant at,
            DateTimeFormatter when) {
        String verb = switch (decision) {
            case APPROVE -> "Approved";
            case REJECT -> "Rejected";
            case REQUEST_CHANGES -> "Changes requested";
        };
        return facts -> SlackBlocks.approvalDecided(facts, verb + " by " + who + " · " + when.format(at));
    }

    static Function<SlackBlocks.Facts, SlackBlocks.Message> stale() {
        return facts -> SlackBlocks.staleVersion(facts, null);
    }
}

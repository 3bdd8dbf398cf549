package io.flightdeck.notifications.slack;

import java.util.UUID;

import io.flightdeck.approvals.ApprovalDecisions.Decision;

/**
 * A decision as Slack delivered it: on which approval and round (from the button's value, which Flightdeck wrote),
 * by which Slack user of which Slack, with what text, on which message.
 */
record SlackClick(UUID workspaceId, UUID approvalId, String round, String teamId, String userId, Decision decision,
        String text, String channel, String messageTs, String responseUrl) {

    /** The button's value: the workspace, the approval and the round, so a click names exactly what it decides. */
    static String value(UUID workspaceId, UUID approvalId, String round) {
        return workspaceId + "|" + approvalId + "|" + round;
    }
}

/**
 * Approvals: per-campaign scopes (strategy, content, schedule, ads, or a workspace's own) with multi-stage routing,
 * quorum, deadlines by urgency, escalation, auto-approval rules, delegation, external reviewer links, comments and a
 * full history. The same engine reviews single items other modules submit through {@link io.flightdeck.approvals.ApprovalItems}.
 * {@link io.flightdeck.approvals.ApprovalGate} is the publish gate; {@link io.flightdeck.approvals.ApprovalAudience}
 * tells notifications who an approval concerns. It reads campaigns, reacts to the strategy's
 * events, and asks identity for members.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Approvals",
        allowedDependencies = {"campaigns", "strategy", "identity", "shared"})
package io.flightdeck.approvals;

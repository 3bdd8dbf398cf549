/**
 * Publishing: connected accounts on the social networks, the social scheduler that posts a campaign's creatives to
 * them, and the campaign's orchestration workflow.
 * <p>
 * This package is what other modules see: the events {@link io.flightdeck.publishing.PostPublished} and
 * {@link io.flightdeck.publishing.PostFailed}. Internal: {@code channels} (the adapter port {@code ChannelAdapter}
 * with what it is given and answers, connected accounts, OAuth tokens, health, the offline sandbox network),
 * {@code networks} (the X and LinkedIn adapters on the outbound-call kit), {@code posts} (posts per channel, their
 * state machine, the scheduling rules, the gate, the durable publish job, best times, the numbers as analytics
 * facts), {@code workflow} (the campaign's orchestration steps) and {@code web}.
 * <p>
 * Publishing asks approvals' {@code ApprovalGate} before anything goes out, reads campaigns, creatives and assets
 * through their modules' APIs, and gives its posts' numbers to analytics' {@code MetricFacts}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Publishing",
        allowedDependencies = {"campaigns", "approvals", "content", "assets", "analytics", "shared"})
package io.flightdeck.publishing;

/**
 * Publishing: connected accounts on the social networks, the social scheduler that posts a campaign's creatives to
 * them, and the campaign's orchestration workflow.
 * <p>
 * This package is the module's API: the adapter port {@link io.flightdeck.publishing.ChannelAdapter} (one class per
 * network: the offline sandbox, X, LinkedIn) with what it is given and answers, the failure it throws
 * ({@link io.flightdeck.publishing.ChannelException}), and the events {@link io.flightdeck.publishing.PostPublished}
 * and {@link io.flightdeck.publishing.PostFailed}. Internal: {@code channels} (accounts, tokens, health, the sandbox
 * network), {@code posts} (posts per channel, their state machine, the gate, the db-scheduler execution, best times),
 * {@code web}.
 * <p>
 * Publishing asks approvals' {@code ApprovalGate} before anything goes out, reads campaigns, creatives and assets
 * through their modules' APIs, and acts for the member who scheduled a post (identity).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Publishing",
        allowedDependencies = {"campaigns", "approvals", "content", "assets", "identity", "shared"})
package io.flightdeck.publishing;

/**
 * Guidance: what a campaign should do next, why, and how likely it is to meet its objective. Blockers (in
 * {@code blockers}) are deterministic: every module's {@link io.flightdeck.campaigns.ReadinessCheck} asked once, each
 * unmet item kept with its severity, the module that said it, the objects it is about and the action that clears it,
 * scored by campaigns' own rule ({@link io.flightdeck.campaigns.ReadinessScoring}). Success prediction
 * ({@code prediction}) is a pure core: a transparent baseline over similar past campaigns, a logistic regression
 * trained with Smile once a workspace has enough finished campaigns, and the facade that chooses between them; a
 * campaign's measurable objective lives in {@code objectives}, and {@code outcomes} gathers the features from the
 * modules' root APIs, records every prediction, scores finished campaigns and keeps the track record.
 * Recommendations ({@code recommendations}) are rules kept as data, each a pure evaluator over a campaign's
 * situation, ranked by consequence, switched per workspace, and hidden for a while by the reactions people remember
 * (accept, dismiss, snooze). Strategy generation ({@code strategy}) drafts a full strategy through content's
 * generator from the campaign's brief and what worked in the workspace's past campaigns (analytics' channel results,
 * the past strategies' pillars) and saves it as a strategy version for review. The web layer answers the prompting
 * and orchestrator endpoints, the guidance card on the campaign page and the strategy generation card. A real
 * campaign's situation is gathered in {@code situation} from the root APIs of analytics, publishing, email and
 * content. Guidance reads other modules only through their root APIs, so no module depends on guidance.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Guidance", allowedDependencies = {"campaigns", "strategy",
        "planning", "approvals", "content", "publishing", "email", "analytics", "shared"})
package io.flightdeck.guidance;

/**
 * Guidance: what a campaign should do next, why, and how likely it is to meet its objective. Blockers (in
 * {@code blockers}) are deterministic: every module's {@link io.flightdeck.campaigns.ReadinessCheck} asked once, each
 * unmet item kept with its severity, the module that said it, the objects it is about and the action that clears it,
 * scored by campaigns' own rule ({@link io.flightdeck.campaigns.ReadinessScoring}). Success prediction
 * ({@code prediction}) is a pure core so far: a transparent baseline over similar past campaigns, a logistic
 * regression trained with Smile once a workspace has enough finished campaigns, and the facade that chooses between
 * them. Recommendations ({@code recommendations}) are rules kept as data, each a pure evaluator over a campaign's
 * situation, ranked by consequence, switched per workspace, and hidden for a while by the reactions people remember
 * (accept, dismiss, snooze). The web layer answers the prompting endpoints and the guidance card on the campaign
 * page. A real campaign's situation is gathered in {@code situation} from the root APIs of analytics, publishing,
 * email and content; guidance reads other modules only through their root APIs, so no module depends on guidance.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Guidance",
        allowedDependencies = {"campaigns", "analytics", "publishing", "email", "content", "shared"})
package io.flightdeck.guidance;

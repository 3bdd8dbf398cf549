/**
 * Guidance: what a campaign should do next and why. Blockers (in {@code blockers}) are deterministic: every module's
 * {@link io.flightdeck.campaigns.ReadinessCheck} asked once, each unmet item kept with its severity, the module that
 * said it, the objects it is about and the action that clears it, scored by campaigns' own rule
 * ({@link io.flightdeck.campaigns.ReadinessScoring}). The web layer answers the prompting endpoints and the guidance
 * card on the campaign page. Guidance reads campaigns only through its root API, so no module depends on guidance.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Guidance", allowedDependencies = {"campaigns", "shared"})
package io.flightdeck.guidance;

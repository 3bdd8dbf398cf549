/**
 * Rendering: render jobs that turn a creative into images and videos, and the providers that do the drawing.
 * <p>
 * This package is what other modules see: the events {@link io.flightdeck.rendering.RenderCompleted} and
 * {@link io.flightdeck.rendering.RenderFailed} with the job's {@link io.flightdeck.rendering.RenderType}. Internal:
 * {@code jobs} (the provider port {@code RenderProvider}, seed 001's interface, with what it is asked and answers;
 * the job, its lifecycle, its durable execution, its webhooks and live signals), {@code builtin} (the offline image
 * and video renderers and their layout templates), {@code remote} (Replicate and Runway on the outbound-call kit) and
 * {@code web}.
 * <p>
 * Rendering reads creatives and brands through content's {@code CreativeMedia}, stores outputs through assets'
 * {@code AssetIntake}, and acts for the member who asked (identity).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Rendering",
        allowedDependencies = {"content", "assets", "campaigns", "identity", "shared"})
package io.flightdeck.rendering;

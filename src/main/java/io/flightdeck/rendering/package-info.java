/**
 * Rendering: render jobs that turn a creative into images and videos, and the providers that do the drawing.
 * <p>
 * This package is the module's API: the provider port {@link io.flightdeck.rendering.RenderProvider} (seed 001's
 * interface: name, canRender, submit, poll, handleWebhook) with what it is asked and answers, the job's
 * {@link io.flightdeck.rendering.RenderType} and {@link io.flightdeck.rendering.RenderStatus}, and the events
 * {@link io.flightdeck.rendering.RenderCompleted} and {@link io.flightdeck.rendering.RenderFailed}. Internal:
 * {@code jobs} (the job, its lifecycle and the db-scheduler execution), {@code builtin} (the offline image and video
 * renderers and their layout templates), {@code replicate} and {@code runway} (HTTP adapters), {@code web}.
 * <p>
 * Rendering reads creatives and brands through content's {@code CreativeMedia}, stores outputs through assets'
 * {@code AssetIntake}, and acts for the member who asked (identity).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Rendering",
        allowedDependencies = {"content", "assets", "campaigns", "identity", "shared"})
package io.flightdeck.rendering;

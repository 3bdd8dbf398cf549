/**
 * Content: brands, creatives with their components' version history, AI generation and repurposing.
 * <p>
 * This package is the module's API: the generation port {@link io.flightdeck.content.ContentGenerator} every feature
 * that writes text goes through, with what it is asked ({@link io.flightdeck.content.GenerationRequest},
 * {@link io.flightdeck.content.ContentBrief}, {@link io.flightdeck.content.BrandVoice}) and the networks' limits
 * ({@link io.flightdeck.content.PlatformLimits}), creatives as renderers see them and take their results
 * ({@link io.flightdeck.content.CreativeMedia}), and the creative editor's extension point for other modules' cards
 * ({@link io.flightdeck.content.CreativePanel}). Internal: {@code generation} (the built-in generator, the LLM
 * providers, budgets and usage), {@code domain} (brands, creatives, repurposing), {@code web}.
 * <p>
 * Content reads campaigns, strategies (the brief and its versions), assets (images, videos, logos) and approvals
 * (creatives go through the content scope).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Content",
        allowedDependencies = {"campaigns", "strategy", "approvals", "assets", "identity", "shared"})
package io.flightdeck.content;

/**
 * Content: brands, creatives with their components' version history, AI generation and repurposing.
 * <p>
 * This package is what other modules use: creatives as renderers and the scheduler see them and the results they
 * hand back ({@link io.flightdeck.content.CreativeMedia}, {@link io.flightdeck.content.CreativeCopy}), the networks'
 * limits ({@link io.flightdeck.content.PlatformLimits}, {@link io.flightdeck.content.NetworkLength}), a post's
 * preview as its network shows it ({@link io.flightdeck.content.NetworkPostPreview}), and the creative editor's
 * extension point for other modules' cards ({@link io.flightdeck.content.CreativePanel}). Internal: {@code brands},
 * {@code creatives}, {@code generation} (the generation port {@code ContentGenerator} every feature that writes text
 * goes through, the built-in generator, repurposing's writers), {@code providers} (the LLM providers, budgets and
 * usage), {@code repurposing}, {@code strategydrafts}, {@code demo} and {@code web}.
 * <p>
 * Content reads campaigns, strategies (the brief and its versions), assets (images, videos, logos) and approvals
 * (creatives go through the content scope).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Content",
        allowedDependencies = {"campaigns", "strategy", "approvals", "assets", "identity", "shared"})
package io.flightdeck.content;

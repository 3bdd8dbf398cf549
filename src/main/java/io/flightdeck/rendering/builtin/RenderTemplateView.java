package io.flightdeck.rendering.builtin;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A layout template as the API and pages show it.
 *
 * @param builtIn    one that ships with Flightdeck
 * @param customised the workspace saved its own version (of a built-in one, or a template of its own)
 * @param updatedAt  when the workspace last saved it; null for an untouched built-in one
 */
public record RenderTemplateView(String key, String name, boolean builtIn, boolean customised, LayoutTemplate template,
        @Nullable Instant updatedAt) {
}

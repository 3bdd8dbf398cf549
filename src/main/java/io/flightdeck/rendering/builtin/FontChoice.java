package io.flightdeck.rendering.builtin;

import java.awt.Font;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.flightdeck.rendering.builtin.LayoutTemplate.Layer;
import io.flightdeck.rendering.builtin.LayoutTemplate.LayerType;

/**
 * The family a text layer is set in. A layer asks for {@code heading}, {@code body} (the brand's fonts) or a family of
 * its own; the first of these that this JVM has wins:
 * <ol>
 * <li>the brand's font (or the layer's own family), installed on the machine or bundled;</li>
 * <li>the template's default for the role ({@code headingFont}, {@code bodyFont}; a body font for a layer's own
 * family), Inter when the template names none;</li>
 * <li>Inter, bundled; then Java's logical sans-serif, which every JVM has.</li>
 * </ol>
 * A font that was asked for and is not here is a {@link Fallback}, which the job's log and metadata record. A name may
 * be a CSS-style list ({@code "Futura, Helvetica, sans-serif"}): its first family that is here is used, and the generic
 * {@code sans-serif}, {@code serif} and {@code monospace} mean Inter, Lora and Java's monospaced font.
 */
final class FontChoice {

    private FontChoice() {
    }

    /**
     * A font that was asked for and is not on this server, and the family used instead.
     *
     * @param role      {@code heading}, {@code body}, or the layer's name for a layer's own family
     * @param source    whose choice it was: {@code brand}, {@code template} or {@code layer}
     */
    record Fallback(String role, String source, String requested, String used) {

        /** For a person: The brand's heading font “Futura” is not installed on this server; used Inter instead. */
        String sentence() {
            String what = switch (source) {
                case "brand" -> "The brand's " + role + " font “" + requested + "”";
                case "template" -> "The template's " + role + " font “" + requested + "”";
                default -> "The font “" + requested + "” of layer “" + role + "”";
            };
            String instead = Font.SANS_SERIF.equals(used) ? "Java's standard sans-serif" : used;
            return what + " is not installed on this server; used " + instead + " instead.";
        }

        /** As the job's metadata keeps it. */
        Map<String, String> asMap() {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("role", role);
            m.put("source", source);
            m.put("requested", requested);
            m.put("used", used);
            return m;
        }
    }

    /** @param fallback null when the font asked for is the one used */
    record Choice(String family, Fallback fallback) {

        Font font(boolean bold) {
            return new Font(family, bold ? Font.BOLD : Font.PLAIN, 12);
        }
    }

    static Choice choose(Layer layer, LayoutTemplate template, RenderInputs inputs) {
        String wanted = layer.font() == null || layer.font().isBlank() ? "heading" : layer.font().strip();
        String role;
        String source;
        String requested;
        String templateDefault;
        switch (wanted.toLowerCase(Locale.ROOT)) {
            case "heading" -> {
                role = "heading";
                source = "brand";
                requested = inputs.headingFont();
                templateDefault = template.headingFont();
            }
            case "body" -> {
                role = "body";
                source = "brand";
                requested = inputs.bodyFont();
                templateDefault = template.bodyFont();
            }
            default -> {
                role = layer.name();
                source = "layer";
                requested = wanted;
                templateDefault = template.bodyFont();
            }
        }
        boolean asked = requested != null && !requested.isBlank();
        if (asked) {
            Optional<String> found = firstAvailable(requested);
            if (found.isPresent()) {
                return new Choice(found.get(), null);
            }
        }
        boolean templateAsked = templateDefault != null && !templateDefault.isBlank();
        Optional<String> fromTemplate = templateAsked ? firstAvailable(templateDefault) : Optional.empty();
        String used = fromTemplate.or(() -> BundledFonts.find(BundledFonts.DEFAULT_FAMILY)).orElse(Font.SANS_SERIF);
        if (asked) {
            return new Choice(used, new Fallback(role, source, requested.strip(), used));
        }
        if (templateAsked && fromTemplate.isEmpty()) {
            return new Choice(used, new Fallback(role, "template", templateDefault.strip(), used));
        }
        return new Choice(used, null);
    }

    /**
     * The fallbacks of every text layer the template draws with these inputs, each once (the brand's heading font is
     * reported once however many layers use it). The same at every size, so a job reports them once.
     */
    static List<Fallback> fallbacks(LayoutTemplate template, RenderInputs inputs) {
        Set<Fallback> found = new LinkedHashSet<>();
        for (Layer layer : template.layers()) {
            if (layer.type() != LayerType.TEXT || ImageComposer.fill(layer.text(), inputs).isBlank()) {
                continue;
            }
            Fallback fallback = choose(layer, template, inputs).fallback();
            if (fallback != null) {
                found.add(fallback);
            }
        }
        return new ArrayList<>(found);
    }

    /** The first family of a CSS-style list that this JVM has. */
    static Optional<String> firstAvailable(String names) {
        for (String part : names.split(",")) {
            String name = part.strip().replaceAll("^[\"']+|[\"']+$", "").strip();
            Optional<String> found = switch (name.toLowerCase(Locale.ROOT)) {
                case "" -> Optional.empty();
                case "sans-serif", "system-ui", "ui-sans-serif" -> BundledFonts.find(BundledFonts.DEFAULT_FAMILY);
                case "serif", "ui-serif" -> BundledFonts.find("Lora");
                case "monospace", "ui-monospace" -> Optional.of(Font.MONOSPACED);
                default -> BundledFonts.find(name);
            };
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }
}

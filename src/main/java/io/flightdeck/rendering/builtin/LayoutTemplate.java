package io.flightdeck.rendering.builtin;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A layout the built-in image renderer draws: named layers in order, as Bannerbear and Creatomate templates are.
 * Boxes are fractions of the canvas and text sizes fractions of its height, so one template fits every size; a job
 * can override any layer by its name.
 *
 * @param headingFont the family for {@code heading} text when the brand names none or one this server lacks; Inter
 *                    (bundled) when null. {@link FontChoice} has the whole order.
 * @param bodyFont    the same for {@code body} text
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record LayoutTemplate(String key, String name, String background, String headingFont, String bodyFont,
        List<Layer> layers) {

    static final Set<String> BRAND_COLOURS = Set.of("{brand.primary}", "{brand.secondary}", "{brand.accent}",
            "{brand.text}", "{brand.background}");
    private static final Pattern HEX = Pattern.compile("#([0-9a-fA-F]{6}|[0-9a-fA-F]{8})");

    public LayoutTemplate {
        layers = layers == null ? List.of() : List.copyOf(layers);
    }

    /** A template with the default fonts (Inter). */
    public LayoutTemplate(String key, String name, String background, List<Layer> layers) {
        this(key, name, background, null, null, layers);
    }

    /** Where a layer sits: fractions (0–1) of the canvas's width and height. */
    public record Box(double x, double y, double width, double height) {
    }

    /** The point of an image (0–1 each way) that cropping keeps in view. */
    public record Focal(double x, double y) {
    }

    public enum LayerType { TEXT, IMAGE, SHAPE, LOGO }

    public enum Fit { COVER, CONTAIN, FILL }

    /**
     * One layer. Only the fields its type uses matter; an override sets the fields it names and keeps the rest.
     *
     * @param text     TEXT: words with placeholders {@code {headline}}, {@code {cta}}, {@code {caption}}, {@code {brand.name}}
     * @param font     TEXT: {@code heading} or {@code body} (the brand's fonts, else the template's) or a font family
     * @param color    TEXT and SHAPE: {@code #rrggbb}, {@code #rrggbbaa} or a brand colour such as {@code {brand.primary}}
     * @param minSize  TEXT: the smallest font size, as a fraction of the canvas height
     * @param maxSize  TEXT: the largest
     * @param source   IMAGE: {@code {background}}, the job's image
     * @param optional a layer with nothing to show (no text, no image) is left out rather than failing the job
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Layer(String name, LayerType type, Box box, String text, String font, String color, Double minSize,
            Double maxSize, String align, Boolean bold, String source, Fit fit, Focal focal, Double cornerRadius,
            Double opacity, Boolean optional) {

        Layer over(Layer base) {
            return new Layer(base.name, type != null ? type : base.type, box != null ? box : base.box,
                    text != null ? text : base.text, font != null ? font : base.font, color != null ? color : base.color,
                    minSize != null ? minSize : base.minSize, maxSize != null ? maxSize : base.maxSize,
                    align != null ? align : base.align, bold != null ? bold : base.bold,
                    source != null ? source : base.source, fit != null ? fit : base.fit, focal != null ? focal : base.focal,
                    cornerRadius != null ? cornerRadius : base.cornerRadius, opacity != null ? opacity : base.opacity,
                    optional != null ? optional : base.optional);
        }

        boolean isOptional() {
            return Boolean.TRUE.equals(optional);
        }

        double alpha() {
            return opacity == null ? 1.0 : opacity;
        }
    }

    /** The template with layers overridden by name; an override naming no layer is refused with its name. */
    public LayoutTemplate withOverrides(Map<String, Layer> overridesByName) {
        if (overridesByName == null || overridesByName.isEmpty()) {
            return this;
        }
        Map<String, Layer> left = new LinkedHashMap<>(overridesByName);
        List<Layer> result = new ArrayList<>();
        for (Layer layer : layers) {
            Layer override = left.remove(layer.name());
            result.add(override == null ? layer : override.over(layer));
        }
        if (!left.isEmpty()) {
            throw new IllegalArgumentException("The template " + key + " has no layer named " + String.join(", ", left.keySet()));
        }
        return new LayoutTemplate(key, name, background, headingFont, bodyFont, result);
    }

    /** What is wrong with the template, each as {@code layers[2].box: …}; empty when it can be drawn. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (key == null || !RenderTemplates.KEY.matcher(key).matches()) {
            problems.add("key: 3–60 lower-case letters, digits and dashes");
        }
        if (name == null || name.isBlank()) {
            problems.add("name: must not be blank");
        }
        if (background != null && !colour(background)) {
            problems.add("background: not a colour (#rrggbb or a brand colour)");
        }
        if (headingFont != null && (headingFont.isBlank() || headingFont.length() > 200)) {
            problems.add("headingFont: a font family such as Inter, or leave it out for the default");
        }
        if (bodyFont != null && (bodyFont.isBlank() || bodyFont.length() > 200)) {
            problems.add("bodyFont: a font family such as Inter, or leave it out for the default");
        }
        if (layers.isEmpty()) {
            problems.add("layers: a template needs at least one layer");
        }
        if (layers.size() > 40) {
            problems.add("layers: at most 40");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < layers.size(); i++) {
            Layer l = layers.get(i);
            String at = "layers[" + i + "]";
            if (l.name() == null || l.name().isBlank()) {
                problems.add(at + ".name: must not be blank");
            } else if (!names.add(l.name())) {
                problems.add(at + ".name: “" + l.name() + "” is used by another layer");
            }
            if (l.type() == null) {
                problems.add(at + ".type: TEXT, IMAGE, SHAPE or LOGO");
                continue;
            }
            Box b = l.box();
            if (b == null) {
                problems.add(at + ".box: missing");
            } else if (b.x() < 0 || b.y() < 0 || b.width() <= 0 || b.height() <= 0 || b.x() + b.width() > 1.0001
                    || b.y() + b.height() > 1.0001) {
                problems.add(at + ".box: must lie inside the canvas (fractions from 0 to 1, with a positive size)");
            }
            if (l.color() != null && !colour(l.color())) {
                problems.add(at + ".color: not a colour (#rrggbb, #rrggbbaa or a brand colour)");
            }
            if (l.opacity() != null && (l.opacity() < 0 || l.opacity() > 1)) {
                problems.add(at + ".opacity: from 0 to 1");
            }
            if (l.type() == LayerType.TEXT) {
                if (l.text() == null) {
                    problems.add(at + ".text: missing");
                }
                if (l.minSize() == null || l.maxSize() == null || l.minSize() <= 0 || l.maxSize() > 1) {
                    problems.add(at + ".minSize/maxSize: fractions of the canvas height, such as 0.03 and 0.09");
                } else if (l.minSize() > l.maxSize()) {
                    problems.add(at + ".minSize: larger than maxSize");
                }
                if (l.align() != null && !Set.of("left", "center", "right").contains(l.align())) {
                    problems.add(at + ".align: left, center or right");
                }
            }
            if (l.focal() != null && (l.focal().x() < 0 || l.focal().x() > 1 || l.focal().y() < 0 || l.focal().y() > 1)) {
                problems.add(at + ".focal: fractions from 0 to 1");
            }
            if (l.type() == LayerType.IMAGE && l.source() != null && !"{background}".equals(l.source())) {
                problems.add(at + ".source: {background} is the only image source");
            }
        }
        return problems;
    }

    static boolean colour(String value) {
        return BRAND_COLOURS.contains(value) || HEX.matcher(value).matches();
    }
}

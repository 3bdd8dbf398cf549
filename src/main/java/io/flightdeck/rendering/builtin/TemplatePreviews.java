package io.flightdeck.rendering.builtin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import io.flightdeck.shared.InvalidInputException;

/** A template drawn with sample words, for the template editor: what it will look like before a job uses it. */
public final class TemplatePreviews {

    static final RenderInputs SAMPLE = new RenderInputs("Spring sale: 30% off every plan for new teams",
            "Start your free trial", "Plan, approve and publish every campaign in one place.", "Flightdeck",
            BuiltinImageRenderer.colours(List.of()), null, null, null, null);

    private TemplatePreviews() {
    }

    /**
     * PNG bytes of the template at the size ({@code 1080x1080}); a layer that cannot fit is a 400 naming it, as it
     * would fail a job.
     */
    public static byte[] png(LayoutTemplate template, String size) {
        String s = BuiltinImageRenderer.sizes(List.of(size)).get(0);
        int width = Integer.parseInt(s.substring(0, s.indexOf('x')));
        int height = Integer.parseInt(s.substring(s.indexOf('x') + 1));
        try {
            return ImageComposer.encode(ImageComposer.compose(template, SAMPLE, width, height), "png");
        } catch (LayerFitException e) {
            throw new InvalidInputException("template", e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What the preview had to replace: a font the template or one of its layers names that this server does not have,
     * each as a sentence (the brand's fonts are not part of a preview; a job's log reports those).
     */
    public static List<String> fontNotes(LayoutTemplate template) {
        return FontChoice.fallbacks(template, SAMPLE).stream().map(FontChoice.Fallback::sentence).toList();
    }

    /** The font families that ship with Flightdeck (any template or brand may use them). */
    public static List<String> bundledFonts() {
        return BundledFonts.families();
    }

    /** The sizes a job renders, at half scale: the same proportions and layout, a quarter of the pixels to draw. */
    public static List<String> sizes() {
        return BuiltinImageRenderer.SIZES.stream().map(s -> {
            int w = Integer.parseInt(s.substring(0, s.indexOf('x')));
            int h = Integer.parseInt(s.substring(s.indexOf('x') + 1));
            return w / 2 + "x" + h / 2;
        }).toList();
    }
}

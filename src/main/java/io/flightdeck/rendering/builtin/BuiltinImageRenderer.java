package io.flightdeck.rendering.builtin;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import io.flightdeck.rendering.jobs.RenderMaterial;
import io.flightdeck.rendering.jobs.RenderProvider;
import io.flightdeck.rendering.jobs.RenderProviderException;
import io.flightdeck.rendering.jobs.RenderRequest;
import io.flightdeck.rendering.RenderType;
import io.flightdeck.shared.InvalidInputException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The default image renderer, offline and in-process: draws a layout template with the creative's words and the
 * brand's look at every size the networks need, as variants of one job. Rendering the same job twice gives the same
 * bytes, which the library stores once, so after a crash the job is simply rendered again.
 */
@Component
class BuiltinImageRenderer implements RenderProvider {

    static final String NAME = "builtin-image";

    /** Square feed, portrait feed, link card, story. */
    static final List<String> SIZES = List.of("1080x1080", "1080x1350", "1200x628", "1080x1920");

    private final RenderTemplates templates;
    private final JsonMapper json = JsonMapper.builder().build();

    BuiltinImageRenderer(RenderTemplates templates) {
        this.templates = templates;
        // registers the bundled fonts as the application starts, beside it (about half a second), rather than in the
        // first job; a job that comes sooner waits for the registration (class initialisation)
        Thread fonts = new Thread(BundledFonts::families, "flightdeck-fonts");
        fonts.setDaemon(true);
        fonts.start();
    }

    @Override
    public About about() {
        return new About(NAME, "Built-in image renderer", RenderType.IMAGE, "layout-v1", true);
    }


    /** template (default bold-headline), sizes (default all four), format (png or jpeg), layers (overrides by name). */
    @Override
    public Map<String, Object> checkParams(RenderType type, Map<String, Object> params) {
        Map<String, Object> p = new LinkedHashMap<>(params);
        String key = p.get("template") == null ? RenderTemplates.DEFAULT_KEY : String.valueOf(p.get("template"));
        RenderTemplateView template = templates.find(key)
                .orElseThrow(() -> new InvalidInputException("params.template", "no layout template " + key));
        p.put("template", key);
        p.put("sizes", sizes(p.get("sizes")));
        String format = p.get("format") == null ? "png" : String.valueOf(p.get("format")).toLowerCase();
        if (!format.equals("png") && !format.equals("jpeg")) {
            throw new InvalidInputException("params.format", "png or jpeg");
        }
        p.put("format", format);
        if (p.containsKey("layers")) {
            try {
                template.template().withOverrides(overrides(p.get("layers")));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("params.layers", e.getMessage());
            }
        }
        return p;
    }

    @Override
    public Submission submit(RenderRequest request) {
        LayoutTemplate template = templates.require(request.param("template")).template();
        if (request.params().containsKey("layers")) {
            template = template.withOverrides(overrides(request.params().get("layers")));
        }
        RenderInputs inputs = inputs(request.material());
        List<String> sizes = sizes(request.params().get("sizes"));
        String format = request.param("format") == null ? "png" : request.param("format");
        List<FontChoice.Fallback> fallbacks = FontChoice.fallbacks(template, inputs);
        List<Output> outputs = new ArrayList<>();
        List<String> logs = new ArrayList<>();
        for (int i = 0; i < sizes.size(); i++) {
            String size = sizes.get(i);
            int width = Integer.parseInt(size.substring(0, size.indexOf('x')));
            int height = Integer.parseInt(size.substring(size.indexOf('x') + 1));
            byte[] bytes;
            try {
                bytes = ImageComposer.encode(ImageComposer.compose(template, inputs, width, height), format);
            } catch (LayerFitException e) {
                throw new RenderProviderException("layer-does-not-fit", e.getMessage() + " (at " + width + "×" + height
                        + ")", false, null, e);
            } catch (IOException e) {
                throw new RenderProviderException("encode-failed", "Could not encode the image: " + e.getMessage(), true,
                        null, e);
            }
            String label = width + "×" + height;
            outputs.add(new Output(i == 0 ? Output.Role.PRIMARY : Output.Role.VARIANT, label,
                    template.key() + "-" + width + "x" + height + (format.equals("png") ? ".png" : ".jpg"),
                    () -> new ByteArrayInputStream(bytes)));
            logs.add("Drew " + template.key() + " at " + label + " (" + bytes.length / 1024 + " KiB)");
            if (request.progress() != null && !request.progress().progress(i + 1, sizes.size())) {
                return new Submission(null, withFontNotes(ProviderStatus.cancelled(logs), fallbacks));
            }
        }
        return new Submission(null, withFontNotes(ProviderStatus.succeeded(outputs, logs), fallbacks));
    }

    /** A font that was replaced is a warning in the job's log, and {@code fontFallbacks} in its metadata. */
    static ProviderStatus withFontNotes(ProviderStatus status, List<FontChoice.Fallback> fallbacks) {
        if (fallbacks.isEmpty()) {
            return status;
        }
        return status.withNotes(fallbacks.stream().map(FontChoice.Fallback::sentence).toList(),
                Map.of("fontFallbacks", fallbacks.stream().map(FontChoice.Fallback::asMap).toList()));
    }

    @Override
    public ProviderStatus poll(String providerJobId) {
        throw new RenderProviderException("not-pollable", "The built-in renderer finishes while it is submitted.", false);
    }

    RenderInputs inputs(RenderMaterial m) {
        return new RenderInputs(m.headline(), m.cta(), m.caption(), m.brandName(), colours(m.brandColours()),
                m.headingFont(), m.bodyFont(), m.logo() == null ? null : read(m.logo(), "logo"),
                m.images().isEmpty() ? null : read(m.images().get(0), "background"));
    }

    /** The brand's colours by role: the first is primary, then secondary and accent; text and background contrast. */
    static Map<String, String> colours(List<String> brand) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("primary", brand.size() > 0 ? brand.get(0) : "#3B5BDB");
        c.put("secondary", brand.size() > 1 ? brand.get(1) : "#1C2541");
        c.put("accent", brand.size() > 2 ? brand.get(2) : "#F59F00");
        c.put("text", "#111827");
        c.put("background", "#FFFFFF");
        return c;
    }

    static BufferedImage read(RenderMaterial.Media media, String what) {
        try (InputStream in = media.open()) {
            BufferedImage image = ImageIO.read(in);
            if (image == null) {
                throw new RenderProviderException("image-unreadable", "The " + what + " “" + media.name()
                        + "” is not an image this renderer can read.", false);
            }
            return image;
        } catch (IOException e) {
            throw new RenderProviderException("image-unavailable", "Could not read the " + what + " “" + media.name()
                    + "”: " + e.getMessage(), true, null, e);
        }
    }

    static List<String> sizes(Object value) {
        if (value == null) {
            return SIZES;
        }
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            throw new InvalidInputException("params.sizes", "a list of sizes such as \"1080x1080\"");
        }
        List<String> sizes = new ArrayList<>();
        for (Object o : list) {
            String s = String.valueOf(o).toLowerCase().replace('×', 'x');
            if (!s.matches("\\d{2,4}x\\d{2,4}")) {
                throw new InvalidInputException("params.sizes", "“" + o + "” is not a size such as 1080x1080");
            }
            int w = Integer.parseInt(s.substring(0, s.indexOf('x')));
            int h = Integer.parseInt(s.substring(s.indexOf('x') + 1));
            if (w < 64 || h < 64 || w > 4096 || h > 4096) {
                throw new InvalidInputException("params.sizes", "sides from 64 to 4096 pixels, not " + s);
            }
            if (!sizes.contains(s)) {
                sizes.add(s);
            }
        }
        if (sizes.size() > 8) {
            throw new InvalidInputException("params.sizes", "at most 8 sizes in one job");
        }
        return sizes;
    }

    Map<String, LayoutTemplate.Layer> overrides(Object layers) {
        if (!(layers instanceof Map<?, ?> map)) {
            throw new InvalidInputException("params.layers", "an object of layer overrides by layer name");
        }
        Map<String, LayoutTemplate.Layer> result = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            try {
                result.put(String.valueOf(k), json.convertValue(v, LayoutTemplate.Layer.class));
            } catch (RuntimeException e) {
                throw new InvalidInputException("params.layers." + k, "is not a layer: " + e.getMessage());
            }
        });
        return result;
    }
}

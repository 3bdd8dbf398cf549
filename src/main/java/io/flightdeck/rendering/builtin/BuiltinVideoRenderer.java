package io.flightdeck.rendering.builtin;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.flightdeck.rendering.jobs.RenderMaterial;
import io.flightdeck.rendering.jobs.RenderProvider;
import io.flightdeck.rendering.jobs.RenderProviderException;
import io.flightdeck.rendering.jobs.RenderRequest;
import io.flightdeck.rendering.RenderType;
import io.flightdeck.shared.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * The default video renderer, offline and in-process: a short H.264 MP4 slideshow with cross-fades, made of the
 * creative's headline drawn on its layout, its image, and its call to action, with a poster frame. Pure Java
 * ({@link SlideshowEncoder}), so it runs on a laptop with nothing installed. The same job gives the same bytes, so
 * after a crash it is simply rendered again.
 */
@Component
class BuiltinVideoRenderer implements RenderProvider {

    static final String NAME = "builtin-video";
    static final int MAX_FRAMES = 1800;

    private final RenderTemplates templates;
    private final BuiltinImageRenderer images;

    BuiltinVideoRenderer(RenderTemplates templates, BuiltinImageRenderer images) {
        this.templates = templates;
        this.images = images;
    }

    @Override
    public About about() {
        return new About(NAME, "Built-in video renderer", RenderType.VIDEO, "slideshow-v1", true);
    }


    /** width, height (even; default 720×720), fps (default 24), duration in seconds (default 6), template. */
    @Override
    public Map<String, Object> checkParams(RenderType type, Map<String, Object> params) {
        Map<String, Object> p = new LinkedHashMap<>(params);
        p.putIfAbsent("width", 720);
        p.putIfAbsent("height", 720);
        p.putIfAbsent("fps", 24);
        p.putIfAbsent("duration", 6);
        String key = p.get("template") == null ? RenderTemplates.DEFAULT_KEY : String.valueOf(p.get("template"));
        templates.find(key).orElseThrow(() -> new InvalidInputException("params.template", "no layout template " + key));
        p.put("template", key);
        int width = ((Number) p.get("width")).intValue();
        int height = ((Number) p.get("height")).intValue();
        if (width % 2 != 0 || height % 2 != 0 || width > 1920 || height > 1920) {
            throw new InvalidInputException("params.width", "video sides are even and at most 1920 pixels");
        }
        int frames = ((Number) p.get("fps")).intValue() * ((Number) p.get("duration")).intValue();
        if (frames > MAX_FRAMES) {
            throw new InvalidInputException("params.duration", "at most " + MAX_FRAMES + " frames (duration × fps)");
        }
        return p;
    }

    @Override
    public Submission submit(RenderRequest request) {
        int width = request.intParam("width");
        int height = request.intParam("height");
        int fps = request.intParam("fps");
        int duration = request.intParam("duration");
        List<BufferedImage> pictures = slides(request, width, height);
        double each = (double) duration / pictures.size();
        List<SlideshowEncoder.Slide> slides = new ArrayList<>();
        pictures.forEach(p -> slides.add(new SlideshowEncoder.Slide(p, each)));
        double transition = Math.min(0.5, each / 2);
        Path file;
        SlideshowEncoder.Result result;
        try {
            file = Files.createTempFile("flightdeck-render-", ".mp4");
            file.toFile().deleteOnExit();
            int total = SlideshowEncoder.frameCount(slides, fps);
            result = SlideshowEncoder.encode(slides, new SlideshowEncoder.Options(width, height, fps, transition), file,
                    written -> request.progress() == null || request.progress().progress(written, total));
        } catch (SlideshowEncoder.StoppedException stopped) {
            return new Submission(null, ProviderStatus.cancelled(List.of("Stopped: the job was cancelled")));
        } catch (IOException | UncheckedIOException e) {
            throw new RenderProviderException("encode-failed", "Could not encode the video: " + e.getMessage(), true, null, e);
        } catch (LayerFitException e) {
            throw new RenderProviderException("layer-does-not-fit", e.getMessage(), false, null, e);
        }
        byte[] poster;
        try {
            poster = ImageComposer.encode(result.poster(), "png");
        } catch (IOException e) {
            throw new RenderProviderException("encode-failed", "Could not encode the poster: " + e.getMessage(), true, null, e);
        }
        List<Output> outputs = List.of(
                new Output(Output.Role.PRIMARY, "video " + width + "×" + height, "slideshow-" + width + "x" + height + ".mp4",
                        () -> Files.newInputStream(file, StandardOpenOption.READ, StandardOpenOption.DELETE_ON_CLOSE)),
                new Output(Output.Role.POSTER, "poster", "slideshow-" + width + "x" + height + "-poster.png",
                        () -> new ByteArrayInputStream(poster)));
        RenderMaterial m = request.material();
        List<FontChoice.Fallback> fallbacks = FontChoice.fallbacks(templates.require(request.param("template")).template(),
                new RenderInputs(m.headline(), m.cta(), m.caption(), m.brandName(), Map.of(), m.headingFont(),
                        m.bodyFont(), null, null));
        return new Submission(null, BuiltinImageRenderer.withFontNotes(ProviderStatus.succeeded(outputs, List.of("Encoded "
                + result.frames() + " frames (" + result.durationSeconds() + " s at " + fps + " fps) from " + slides.size()
                + " slides")), fallbacks));
    }

    @Override
    public ProviderStatus poll(String providerJobId) {
        throw new RenderProviderException("not-pollable", "The built-in renderer finishes while it is submitted.", false);
    }

    /** The headline on its layout, the creative's own image when it has one, and the call to action. */
    private List<BufferedImage> slides(RenderRequest request, int width, int height) {
        RenderMaterial m = request.material();
        RenderInputs inputs = images.inputs(m);
        LayoutTemplate template = templates.require(request.param("template")).template();
        List<BufferedImage> slides = new ArrayList<>();
        slides.add(ImageComposer.compose(template, inputs, width, height));
        if (inputs.background() != null) {
            slides.add(inputs.background());
        }
        if (m.cta() != null && !m.cta().isBlank()) {
            RenderInputs closing = new RenderInputs(m.cta(), m.cta(), m.caption(), m.brandName(), inputs.brandColors(),
                    inputs.headingFont(), inputs.bodyFont(), inputs.logo(), null);
            slides.add(ImageComposer.compose(template, closing, width, height));
        }
        if (slides.size() == 1) {
            // one slide is a still, not a slideshow: close on the layout without the photo
            RenderInputs plain = new RenderInputs(inputs.headline(), inputs.cta(), inputs.caption(), inputs.brandName(),
                    BuiltinImageRenderer.colours(List.of()), inputs.headingFont(), inputs.bodyFont(), inputs.logo(), null);
            slides.add(ImageComposer.compose(template, plain, width, height));
        }
        return slides;
    }
}

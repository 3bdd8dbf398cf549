package io.flightdeck.bench;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.flightdeck.rendering.builtin.ImageComposer;
import io.flightdeck.rendering.builtin.LayoutTemplate;
import io.flightdeck.rendering.builtin.RenderInputs;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 14: images per second from the built-in image renderer at 1080×1080 (aim: over 50), a shipped template drawn
 * with a headline, a call to action and a background photo, then encoded. Threads come from the command line
 * ({@code -t 1}, {@code -t 2}). The floor is the encoder alone: the same already-drawn image written as PNG (or JPEG),
 * which every render pays and no drawing can go below.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Djava.awt.headless=true"})
public class ImageRenderBenchmark {

    @Param({"png", "jpeg"})
    public String format;

    @Param({"bold-headline", "photo-caption"})
    public String template;

    private LayoutTemplate layout;
    private RenderInputs inputs;
    private BufferedImage drawn;
    private int n;

    @Setup
    public void setUp() {
        try (InputStream in = getClass().getResourceAsStream("/rendering/templates/" + template + ".json")) {
            layout = JsonMapper.builder().build().readValue(in, LayoutTemplate.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        BufferedImage photo = new BufferedImage(1600, 1000, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = photo.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(40, 120, 200), 1600, 1000, new Color(240, 180, 60)));
        g.fillRect(0, 0, 1600, 1000);
        g.dispose();
        inputs = new RenderInputs("Spring sale: 30% off every plan for new teams", "Start your free trial", null, "Acme",
                Map.of("primary", "#C2255C", "secondary", "#1C2541", "accent", "#FAB005", "text", "#111827",
                        "background", "#FFFFFF"), null, null, null, photo);
        drawn = ImageComposer.compose(layout, inputs, 1080, 1080);
    }

    /** Draw and encode one creative; the headline changes each time so no text layout is reused. */
    @Benchmark
    public byte[] render() throws IOException {
        RenderInputs in = new RenderInputs(inputs.headline() + " " + (n++ % 97), inputs.cta(), null, inputs.brandName(),
                inputs.brandColors(), null, null, null, inputs.background());
        return ImageComposer.encode(ImageComposer.compose(layout, in, 1080, 1080), format);
    }

    /** The floor: encoding an image that is already drawn. */
    @Benchmark
    public byte[] encodeOnly() throws IOException {
        return ImageComposer.encode(drawn, format);
    }
}

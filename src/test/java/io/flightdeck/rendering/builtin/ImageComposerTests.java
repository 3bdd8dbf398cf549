package io.flightdeck.rendering.builtin;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import io.flightdeck.rendering.builtin.LayoutTemplate.Box;
import io.flightdeck.rendering.builtin.LayoutTemplate.Fit;
import io.flightdeck.rendering.builtin.LayoutTemplate.Focal;
import io.flightdeck.rendering.builtin.LayoutTemplate.Layer;
import io.flightdeck.rendering.builtin.LayoutTemplate.LayerType;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The composer on real templates and hand-made ones: sizes, colours, text fitting, fit modes, overrides, checks. */
class ImageComposerTests {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    static final Map<String, String> BRAND = Map.of("primary", "#C2255C", "secondary", "#1C2541", "accent", "#FAB005",
            "text", "#111827", "background", "#FFFFFF");
    static final RenderInputs INPUTS = new RenderInputs("Spring sale: 30% off every plan for new teams",
            "Start your free trial", "Plan it all in one place", "Acme", BRAND, null, null, null, null);

    static Layer text(String name, Box box, String text, double min, double max) {
        return new Layer(name, LayerType.TEXT, box, text, "heading", "#000000", min, max, "left", true, null, null, null,
                null, null, null);
    }

    static Layer image(String name, Box box, Fit fit, Focal focal) {
        return new Layer(name, LayerType.IMAGE, box, null, null, null, null, null, null, null, "{background}", fit, focal,
                null, null, null);
    }

    static BufferedImage twoColours(int w, int h, boolean leftRight) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, w, h);
        g.setColor(Color.BLUE);
        if (leftRight) {
            g.fillRect(w / 2, 0, w - w / 2, h);
        } else {
            g.fillRect(0, h / 2, w, h - h / 2);
        }
        g.dispose();
        return img;
    }

    @Test
    void everyBuiltInTemplateDrawsAtEverySizeAsPngAndJpeg() throws IOException {
        assertThat(DefaultTemplates.all()).extracting(LayoutTemplate::key)
                .containsExactly("bold-headline", "photo-caption", "split-panel");
        for (LayoutTemplate t : DefaultTemplates.all()) {
            assertThat(t.problems()).as(t.key()).isEmpty();
            for (String size : BuiltinImageRenderer.SIZES) {
                int w = Integer.parseInt(size.split("x")[0]);
                int h = Integer.parseInt(size.split("x")[1]);
                BufferedImage image = ImageComposer.compose(t, INPUTS, w, h);
                for (String format : List.of("png", "jpeg")) {
                    BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(ImageComposer.encode(image, format)));
                    assertThat(decoded).as(t.key() + " " + size + " " + format).isNotNull();
                    assertThat(decoded.getWidth()).isEqualTo(w);
                    assertThat(decoded.getHeight()).isEqualTo(h);
                }
            }
        }
    }

    @Test
    void theBrandsColoursAreWhereTheTemplateSaysTheyAre() {
        BufferedImage image = ImageComposer.compose(DefaultTemplates.all().get(0), INPUTS, 1080, 1080);
        // bold-headline: the canvas is the primary colour, the button the accent
        assertThat(new Color(image.getRGB(1070, 10))).isEqualTo(Color.decode("#C2255C"));
        assertThat(new Color(image.getRGB((int) (0.08 * 1080), (int) (0.8 * 1080)))).isEqualTo(Color.decode("#FAB005"));
    }

    @Test
    void aLongTextIsSetSmallerThanAShortOneInTheSameBox() {
        BufferedImage canvas = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas.createGraphics();
        java.awt.Font base = new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 12);
        var shortText = ImageComposer.fit(g, base, "Spring sale", 800, 300, 20, 200);
        var longText = ImageComposer.fit(g, base, "Spring sale: thirty per cent off every plan for every new team that "
                + "signs up before the end of the month", 800, 300, 20, 200);
        g.dispose();
        assertThat(shortText.font().getSize()).isGreaterThan(longText.font().getSize());
        assertThat(longText.lines()).hasSizeGreaterThan(1);
        // wrapped lines put back together are the text
        assertThat(String.join(" ", longText.lines())).startsWith("Spring sale: thirty per cent off");
    }

    @Test
    void aTextThatCannotFitEvenAtTheMinimumFailsNamingItsLayer() {
        LayoutTemplate t = new LayoutTemplate("tiny", "Tiny", "#FFFFFF",
                List.of(text("headline", new Box(0.1, 0.1, 0.2, 0.05), "{headline}", 0.04, 0.08)));
        assertThatThrownBy(() -> ImageComposer.compose(t, INPUTS, 1080, 1080)).isInstanceOf(LayerFitException.class)
                .hasMessageContaining("“headline”").hasMessageContaining("minimum size")
                .extracting(e -> ((LayerFitException) e).layerName()).isEqualTo("headline");
    }

    @Test
    void aRequiredTextOrImageThatIsMissingFailsAndAnOptionalOneIsLeftOut() {
        RenderInputs noCta = new RenderInputs("Hello", null, null, null, BRAND, null, null, null, null);
        LayoutTemplate needsCta = new LayoutTemplate("cta", "Cta", "#FFFFFF",
                List.of(text("cta", new Box(0.1, 0.1, 0.8, 0.2), "{cta}", 0.02, 0.05)));
        assertThatThrownBy(() -> ImageComposer.compose(needsCta, noCta, 400, 400)).isInstanceOf(LayerFitException.class)
                .hasMessageContaining("call to action");
        LayoutTemplate needsImage = new LayoutTemplate("img", "Img", "#FFFFFF",
                List.of(image("photo", new Box(0, 0, 1, 1), Fit.COVER, null)));
        assertThatThrownBy(() -> ImageComposer.compose(needsImage, noCta, 400, 400)).isInstanceOf(LayerFitException.class)
                .hasMessageContaining("“photo” needs a background image");
        LayoutTemplate optional = needsImage.withOverrides(Map.of("photo", new Layer(null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, true)));
        BufferedImage drawn = ImageComposer.compose(optional, noCta, 400, 400);
        assertThat(new Color(drawn.getRGB(200, 200))).isEqualTo(Color.WHITE);
    }

    @Test
    void coverKeepsTheFocalPointsSideOfAWideImage() {
        BufferedImage wide = twoColours(800, 200, true);
        RenderInputs withImage = new RenderInputs("x", "y", null, null, BRAND, null, null, null, wide);
        Box square = new Box(0, 0, 1, 1);
        BufferedImage left = ImageComposer.compose(new LayoutTemplate("l", "L", "#FFFFFF",
                List.of(image("bg", square, Fit.COVER, new Focal(0, 0.5)))), withImage, 200, 200);
        BufferedImage right = ImageComposer.compose(new LayoutTemplate("r", "R", "#FFFFFF",
                List.of(image("bg", square, Fit.COVER, new Focal(1, 0.5)))), withImage, 200, 200);
        assertThat(new Color(left.getRGB(100, 100))).isEqualTo(Color.RED);
        assertThat(new Color(right.getRGB(100, 100))).isEqualTo(Color.BLUE);
    }

    @Test
    void containLeavesTheBackgroundAroundAWideImageInATallBoxAndFillStretchesIt() {
        BufferedImage wide = twoColours(400, 100, false);
        RenderInputs withImage = new RenderInputs("x", "y", null, null, BRAND, null, null, null, wide);
        Box tall = new Box(0, 0, 1, 1);
        BufferedImage contained = ImageComposer.compose(new LayoutTemplate("c", "C", "#00FF00",
                List.of(image("bg", tall, Fit.CONTAIN, null))), withImage, 200, 400);
        assertThat(new Color(contained.getRGB(100, 10))).isEqualTo(Color.GREEN);
        assertThat(new Color(contained.getRGB(100, 390))).isEqualTo(Color.GREEN);
        assertThat(new Color(contained.getRGB(100, 190))).isEqualTo(Color.RED);
        BufferedImage filled = ImageComposer.compose(new LayoutTemplate("f", "F", "#00FF00",
                List.of(image("bg", tall, Fit.FILL, null))), withImage, 200, 400);
        assertThat(new Color(filled.getRGB(100, 10))).isEqualTo(Color.RED);
        assertThat(new Color(filled.getRGB(100, 390))).isEqualTo(Color.BLUE);
    }

    @Test
    void overridesReplaceTheFieldsTheyNameAndAnUnknownLayerIsRefused() {
        LayoutTemplate t = DefaultTemplates.all().get(0);
        LayoutTemplate changed = t.withOverrides(Map.of("headline", new Layer(null, null, null, "Custom words", null,
                "#000000", null, null, "center", null, null, null, null, null, null, null)));
        Layer headline = changed.layers().stream().filter(l -> l.name().equals("headline")).findFirst().orElseThrow();
        assertThat(headline.text()).isEqualTo("Custom words");
        assertThat(headline.align()).isEqualTo("center");
        assertThat(headline.box()).isEqualTo(t.layers().stream().filter(l -> l.name().equals("headline")).findFirst()
                .orElseThrow().box());
        assertThatThrownBy(() -> t.withOverrides(Map.of("subtitle", headline))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("subtitle");
    }

    @Test
    void problemsNameEachBrokenField() {
        LayoutTemplate broken = new LayoutTemplate("Bad Key", "", "blue", List.of(
                text("a", new Box(0.5, 0.5, 0.8, 0.1), "{headline}", 0.09, 0.03),
                text("a", new Box(0, 0, 0.5, 0.5), "x", 0.02, 0.04)));
        assertThat(broken.problems()).anyMatch(p -> p.startsWith("key:"))
                .anyMatch(p -> p.startsWith("name:"))
                .anyMatch(p -> p.startsWith("background:"))
                .anyMatch(p -> p.startsWith("layers[0].box:"))
                .anyMatch(p -> p.startsWith("layers[0].minSize:"))
                .anyMatch(p -> p.startsWith("layers[1].name:"));
    }

    @Test
    void aTemplateRoundTripsThroughJson() {
        JsonMapper json = JsonMapper.builder().build();
        for (LayoutTemplate t : DefaultTemplates.all()) {
            assertThat(json.readValue(json.writeValueAsString(t), LayoutTemplate.class)).isEqualTo(t);
        }
    }

    /** The highest contrast any pixel in the area has with the fill: the core of the glyphs, where text is drawn. */
    static double textContrast(BufferedImage image, int x0, int y0, int x1, int y1, Color fill) {
        double best = 1;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                best = Math.max(best, Contrast.ratio(new Color(image.getRGB(x, y)), fill));
            }
        }
        return best;
    }

    static RenderInputs brand(String primary) {
        return new RenderInputs("Spring sale: 30% off every plan", "Start your free trial", null, "Acme",
                Map.of("primary", primary, "secondary", "#1C2541", "accent", primary, "text", "#111827",
                        "background", "#FFFFFF"), "Futura", "Gill Sans", null, null);
    }

    @Test
    void theCallToActionOnAPillInAPoorBrandColourReachesFourAndAHalfToOne() {
        LayoutTemplate pill = new LayoutTemplate("pill", "Pill", "#FFFFFF", List.of(
                new Layer("button", LayerType.SHAPE, new Box(0.1, 0.4, 0.8, 0.2), null, null, "{brand.primary}", null,
                        null, null, null, null, null, null, 0.5, null, null),
                new Layer("cta", LayerType.TEXT, new Box(0.2, 0.45, 0.6, 0.1), "{cta}", "body", "#FFFFFF", 0.02, 0.06,
                        "center", true, null, null, null, null, null, null)));
        for (String primary : List.of("#FFD400", "#888888", "#7F7F7F", "#FAB005", "#2F9E44")) {
            BufferedImage image = ImageComposer.compose(pill, brand(primary), 1080, 1080);
            // inside the pill, left of the text
            Color fill = new Color(image.getRGB(162, 540));
            double measured = textContrast(image, 216, 486, 864, 594, fill);
            assertThat(measured).as(primary + " on " + Contrast.hex(fill)).isGreaterThanOrEqualTo(4.5);
        }
        // a mid-tone on which neither white nor near-black reads is lightened just enough, and stays grey
        Color moved = new Color(ImageComposer.compose(pill, brand("#7F7F7F"), 1080, 1080).getRGB(162, 540));
        assertThat(moved.getRed()).isGreaterThan(0x7F).isLessThan(0x90).isEqualTo(moved.getGreen());
        // a brand colour that reads is left as it is
        assertThat(new Color(ImageComposer.compose(pill, brand("#1C2541"), 1080, 1080).getRGB(162, 540)))
                .isEqualTo(Color.decode("#1C2541"));
    }

    @Test
    void aWhiteHeadlineOnAYellowCanvasTurnsDarkAndSoDoesOneOverALightPhoto() {
        LayoutTemplate bold = DefaultTemplates.all().get(0);
        BufferedImage yellow = ImageComposer.compose(bold, brand("#FFD400"), 1080, 1080);
        Color canvas = new Color(yellow.getRGB(1070, 10));
        assertThat(canvas).isEqualTo(Color.decode("#FFD400"));
        assertThat(textContrast(yellow, 76, 216, 1004, 713, canvas)).isGreaterThanOrEqualTo(4.5);

        // the default blue takes white text, but a white photo at 28% over it does not: measured on the pixels
        BufferedImage white = new BufferedImage(100, 100, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = white.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 100, 100);
        g.dispose();
        RenderInputs withPhoto = new RenderInputs("Spring sale: 30% off every plan", "Start your free trial", null, "Acme",
                BuiltinImageRenderer.colours(List.of()), null, null, null, white);
        BufferedImage photo = ImageComposer.compose(bold, withPhoto, 1080, 1080);
        Color under = new Color(photo.getRGB(1070, 10));
        assertThat(Contrast.ratio(Color.WHITE, under)).isLessThan(4.5);
        assertThat(textContrast(photo, 76, 216, 1004, 713, under)).isGreaterThanOrEqualTo(4.5);
    }

    @Test
    void everyBuiltInTemplateDrawsAtEverySizeWithAPoorBrandAndFontsTheServerLacks() {
        for (LayoutTemplate t : DefaultTemplates.all()) {
            for (String size : BuiltinImageRenderer.SIZES) {
                int w = Integer.parseInt(size.split("x")[0]);
                int h = Integer.parseInt(size.split("x")[1]);
                assertThat(ImageComposer.compose(t, brand("#7F7F7F"), w, h).getWidth()).as(t.key() + " " + size)
                        .isEqualTo(w);
            }
            assertThat(FontChoice.fallbacks(t, brand("#7F7F7F"))).as(t.key()).extracting(FontChoice.Fallback::role)
                    .containsExactly("heading", "body");
        }
    }
}

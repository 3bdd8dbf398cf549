package io.flightdeck.rendering.builtin;

import java.awt.Font;
import java.util.List;
import java.util.Map;

import io.flightdeck.rendering.jobs.RenderProvider.ProviderStatus;
import io.flightdeck.rendering.builtin.LayoutTemplate.Box;
import io.flightdeck.rendering.builtin.LayoutTemplate.Layer;
import io.flightdeck.rendering.builtin.LayoutTemplate.LayerType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which font a text layer gets: the bundled fonts, the brand's when the server has it, the fallbacks and their notes. */
class FontChoiceTests {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    static Layer text(String name, String font, String text) {
        return new Layer(name, LayerType.TEXT, new Box(0.1, 0.1, 0.8, 0.3), text, font, "#000000", 0.02, 0.08, "left",
                true, null, null, null, null, null, null);
    }

    static final LayoutTemplate PLAIN = new LayoutTemplate("plain", "Plain", "#FFFFFF",
            List.of(text("headline", "heading", "{headline}"), text("cta", "body", "{cta}")));

    static RenderInputs fonts(String heading, String body) {
        return new RenderInputs("Spring sale", "Start now", null, "Acme", Map.of(), heading, body, null, null);
    }

    @Test
    void theBundledFontsLoadFromTheClasspathWhateverTheMachineHas() {
        for (String file : BundledFonts.FILES) {
            Font font = BundledFonts.load(file);
            assertThat(font.getFamily(java.util.Locale.ROOT)).as(file).isIn("Inter", "Lora");
            assertThat(font.canDisplayUpTo("Spring sale: 30% off — “quoted” café")).as(file).isEqualTo(-1);
        }
        assertThat(BundledFonts.families()).containsExactly("Inter", "Lora");
        // registered: a Font made by family name is the real face, bold included, not Java's stand-in ("Dialog")
        assertThat(new Font("Inter", Font.BOLD, 12).getFontName(java.util.Locale.ROOT)).isEqualTo("Inter Bold");
        assertThat(new Font("Lora", Font.PLAIN, 12).getFontName(java.util.Locale.ROOT)).isEqualTo("Lora Regular");
        assertThat(BundledFonts.find("inter")).contains("Inter");
        assertThat(BundledFonts.find("Futura Std Heavy Condensed")).isEmpty();
    }

    @Test
    void aBrandFontTheServerHasIsUsed() {
        FontChoice.Choice heading = FontChoice.choose(PLAIN.layers().get(0), PLAIN, fonts("lora", "Inter"));
        assertThat(heading.family()).isEqualTo("Lora");
        assertThat(heading.fallback()).isNull();
        assertThat(heading.font(true).getFamily(java.util.Locale.ROOT)).isEqualTo("Lora");
        assertThat(heading.font(true).isBold()).isTrue();
        // a CSS-style list: the first family the server has
        assertThat(FontChoice.choose(PLAIN.layers().get(1), PLAIN, fonts(null, "Futura, 'Lora', serif")).family())
                .isEqualTo("Lora");
        assertThat(FontChoice.choose(PLAIN.layers().get(1), PLAIN, fonts(null, "Futura, serif")).family())
                .isEqualTo("Lora");
        assertThat(FontChoice.fallbacks(PLAIN, fonts("Lora", "Futura, sans-serif"))).isEmpty();
    }

    @Test
    void aMissingBrandFontFallsBackToTheTemplatesFontAndSaysSo() {
        FontChoice.Choice choice = FontChoice.choose(PLAIN.layers().get(0), PLAIN, fonts("Futura", null));
        assertThat(choice.family()).isEqualTo("Inter");
        assertThat(choice.fallback().sentence())
                .isEqualTo("The brand's heading font “Futura” is not installed on this server; used Inter instead.");
        assertThat(choice.fallback().asMap()).containsExactly(Map.entry("role", "heading"), Map.entry("source", "brand"),
                Map.entry("requested", "Futura"), Map.entry("used", "Inter"));

        LayoutTemplate serif = new LayoutTemplate("serif", "Serif", "#FFFFFF", "Lora", null, PLAIN.layers());
        FontChoice.Choice onSerif = FontChoice.choose(serif.layers().get(0), serif, fonts("Futura", "Gill Sans"));
        assertThat(onSerif.family()).isEqualTo("Lora");
        assertThat(onSerif.fallback().used()).isEqualTo("Lora");
        assertThat(FontChoice.fallbacks(serif, fonts("Futura", "Gill Sans"))).extracting(FontChoice.Fallback::sentence)
                .containsExactly("The brand's heading font “Futura” is not installed on this server; used Lora instead.",
                        "The brand's body font “Gill Sans” is not installed on this server; used Inter instead.");
    }

    @Test
    void noBrandFontMeansTheTemplatesAndATemplateOrLayerFontThatIsMissingIsNamedToo() {
        assertThat(FontChoice.choose(PLAIN.layers().get(0), PLAIN, fonts(null, " ")).family()).isEqualTo("Inter");
        assertThat(FontChoice.fallbacks(PLAIN, fonts(null, null))).isEmpty();

        LayoutTemplate odd = new LayoutTemplate("odd", "Odd", "#FFFFFF", "Helvetica Neue LT", null, List.of(
                text("headline", "heading", "{headline}"), text("tag", "Comic Zans", "{brand.name}")));
        assertThat(FontChoice.fallbacks(odd, fonts(null, null))).extracting(FontChoice.Fallback::sentence).containsExactly(
                "The template's heading font “Helvetica Neue LT” is not installed on this server; used Inter instead.",
                "The font “Comic Zans” of layer “tag” is not installed on this server; used Inter instead.");
    }

    @Test
    void eachFallbackIsReportedOnceAndOnlyForTextThatIsDrawn() {
        LayoutTemplate twice = new LayoutTemplate("twice", "Twice", "#FFFFFF", List.of(
                text("headline", "heading", "{headline}"), text("kicker", null, "{brand.name}"),
                text("caption", "body", "{caption}")));
        // the caption is empty, so its body font is never needed
        assertThat(FontChoice.fallbacks(twice, fonts("Futura", "Gill Sans"))).extracting(FontChoice.Fallback::role)
                .containsExactly("heading");
    }

    @Test
    void theRenderersStatusCarriesTheFallbacksAsWarningsAndMetadata() {
        List<FontChoice.Fallback> fallbacks = FontChoice.fallbacks(PLAIN, fonts("Futura", null));
        ProviderStatus status = BuiltinImageRenderer.withFontNotes(ProviderStatus.succeeded(List.of(), List.of("Drew")),
                fallbacks);
        assertThat(status.logs()).containsExactly("Drew");
        assertThat(status.warnings())
                .containsExactly("The brand's heading font “Futura” is not installed on this server; used Inter instead.");
        assertThat(status.metadata()).containsEntry("fontFallbacks", List.of(Map.of("role", "heading", "source", "brand",
                "requested", "Futura", "used", "Inter")));
        ProviderStatus clean = ProviderStatus.succeeded(List.of(), List.of());
        assertThat(BuiltinImageRenderer.withFontNotes(clean, List.of())).isSameAs(clean);
    }
}
